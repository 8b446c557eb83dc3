/**
 * The statistics counters, from the table's stream: each change of a counted item (profile,
 * demand, offer, call, call response) moves the counters by the new image's contribution minus
 * the old one's, exactly once per stream record (shared/db/statistics.ts). Erasure (REMOVE),
 * consent and status changes (MODIFY) move them like any other change.
 */

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { countStoredChange } from '#shared/app/statistics';
import { logger } from '#shared/logger';
import { streamConsumer } from '#shared/stream-consumer';

const image = (value: Record<string, unknown> | undefined) =>
  value ? unmarshall(value as Record<string, AttributeValue>) : undefined;

export const handler = streamConsumer('stats/count-changes', async (record) => {
  const keys = record.dynamodb?.Keys;
  const key = { PK: keys?.PK?.S ?? '', SK: keys?.SK?.S ?? '' };
  const eventId = record.eventID ?? record.dynamodb?.SequenceNumber ?? '';
  const outcome = await countStoredChange(
    eventId,
    key,
    image(record.dynamodb?.OldImage),
    image(record.dynamodb?.NewImage),
    new Date(),
  );
  if (outcome === 'duplicate') logger.info('Stream record counted before', { eventId });
});
