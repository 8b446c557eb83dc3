/**
 * Stream consumer of the search change log (SEARCHLOG# inserts): writes a new snapshot of the
 * search read model, at most once per SEARCH_SNAPSHOT_MIN_INTERVAL_SECONDS (60); a change that
 * finds a fresh snapshot is left to the change log, which every instance replays since it.
 */
import { buildSearchSnapshot } from '#shared/app/search-read-model';
import { logger } from '#shared/logger';
import { streamConsumer } from '#shared/stream-consumer';

const minIntervalMs = Number(process.env.SEARCH_SNAPSHOT_MIN_INTERVAL_SECONDS ?? 60) * 1000;

export const handler = streamConsumer('experts/build-search-snapshot', async () => {
  const build = await buildSearchSnapshot({ minIntervalMs });
  if (build.built) logger.info('search snapshot written', { ...build });
});
