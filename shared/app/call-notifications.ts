/**
 * The job that tells a call's audience about it, run from the stream when a call opens (the job
 * item is written in the opening transaction, calls.ts). It pages through the opted-in experts
 * of the call's field groups and queues one outbox mail per expert with a deterministic id,
 * recording its progress in the job after each page: a crashed or repeated run resumes, or finds
 * the job done. A page that may have been queued already is checked first, not rewritten (a
 * delivered mail keeps no text, and a rewrite would put it back).
 */
import { config } from '../config.ts';
import { advanceCallJob, getCallJob, readAudiencePage } from '../db/call-audience.ts';
import { queueMails } from '../db/outbox.ts';
import type { CallNotification } from '../domain/call.ts';
import { callReturnPath } from '../domain/return-path.ts';
import { callOpenedMail } from '../mail/call-messages.ts';
import { countEvent } from '../metrics.ts';
import { issueMailSignInLink } from './mail-sign-in-links.ts';
import { issueUnsubscribeLink } from './unsubscribe-links.ts';

const audiencePageSize = 500;

/** One mail per call and expert, whatever runs the job and however often. */
export const callMailId = (callId: string, expertId: string) => `call-${callId}-${expertId}`;

/**
 * Runs the job until done, or until `shouldStop` says the invocation is running out of time (the
 * caller then fails the record, and the retry resumes from the recorded cursor). Returns
 * undefined when there is no such job.
 */
export async function runCallNotificationJob(
  callId: string,
  now: Date,
  options: { shouldStop?: () => boolean; pageSize?: number } = {},
): Promise<CallNotification | undefined> {
  let job = await getCallJob(callId);
  if (!job) return undefined;
  const { appUrl } = config();
  // The page at the recorded cursor may have been written by a run that crashed before recording
  // it, or by a duplicate run alongside.
  let mayBeQueued = true;
  while (!job.done && !options.shouldStop?.()) {
    const facts = { ...job, id: callId };
    const page = await readAudiencePage(job, options.pageSize ?? audiencePageSize);
    const mails = page.recipients.map((r) => {
      const unsubscribe = issueUnsubscribeLink(r.expertId, now);
      const signIn = issueMailSignInLink({ id: r.expertId, email: r.email }, callReturnPath(callId), now);
      return {
        id: callMailId(callId, r.expertId),
        mail: callOpenedMail(r.email, r.fullName, facts, appUrl, unsubscribe.token, signIn.token),
        alongside: [unsubscribe.item, signIn.item],
      };
    });
    await queueMails(mails, now, { skipQueued: mayBeQueued });
    const advanced = await advanceCallJob(job, page.next, mails.length);
    if (advanced) {
      countEvent('CallMailsQueued', mails.length);
      job = advanced;
      mayBeQueued = false;
    } else {
      // A concurrent run of the same job got here first and counted this page.
      job = (await getCallJob(callId)) ?? job;
      mayBeQueued = true;
    }
  }
  return { queued: job.queued, done: job.done };
}
