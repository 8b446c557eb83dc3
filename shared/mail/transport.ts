/**
 * Delivery of outbox mail: SES in AWS; locally the dev mailbox that /dev/outbox shows. Chosen by
 * MAIL_TRANSPORT, read once at cold start.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '../config.ts';
import { type OutboxMail, storeDevMail } from '../db/outbox.ts';
import { traceAwsClient } from '../tracing.ts';

let ses: SESv2Client | undefined;

export async function deliverMail(mail: OutboxMail, now: Date): Promise<string | undefined> {
  const { mailTransport, mailFrom } = config();
  if (mailTransport === 'dev') {
    await storeDevMail(mail, now);
    return undefined;
  }
  ses ??= traceAwsClient(new SESv2Client({}));
  const result = await ses.send(
    new SendEmailCommand({
      FromEmailAddress: mailFrom,
      // Bounces and complaints are counted per configuration set, and alarmed (infra/constructs/mail.ts).
      ...(process.env.MAIL_CONFIGURATION_SET
        ? { ConfigurationSetName: process.env.MAIL_CONFIGURATION_SET }
        : {}),
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          ...(mail.headers?.length
            ? { Headers: mail.headers.map(({ name, value }) => ({ Name: name, Value: value })) }
            : {}),
        },
      },
    }),
  );
  return result.MessageId;
}
