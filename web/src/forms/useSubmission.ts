/**
 * The life of a form's submit, shared by the console's record forms: messages appear after the
 * first attempt, client-side issues stop the request and focus the first field, the server's
 * validation details land next to their fields, any other failure is kept for the caller to say.
 */
import { useState } from 'react';
import { ApiError, type ErrorDetail } from '../api.ts';

export interface Submission {
  attempted: boolean;
  serverIssues: ErrorDetail[];
  failure: unknown;
  sending: boolean;
  /** Grows on each failed attempt; the form focuses its first invalid field when it does. */
  focusRequest: number;
  /** After an edit, the server's verdict on the previous values no longer applies. */
  edited: () => void;
  /** A fresh start, as for a form never submitted (another version of the record is shown). */
  reset: () => void;
  submit: (valid: boolean, send: () => Promise<void>) => Promise<void>;
}

export function useSubmission(onFailure?: (error: unknown) => void): Submission {
  const [attempted, setAttempted] = useState(false);
  const [serverIssues, setServerIssues] = useState<ErrorDetail[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);

  return {
    attempted,
    serverIssues,
    failure,
    sending,
    focusRequest,
    edited: () => {
      setServerIssues([]);
      setFailure(null);
    },
    reset: () => {
      setAttempted(false);
      setServerIssues([]);
      setFailure(null);
    },
    submit: async (valid, send) => {
      setAttempted(true);
      setServerIssues([]);
      setFailure(null);
      if (!valid) {
        setFocusRequest((n) => n + 1);
        return;
      }
      setSending(true);
      try {
        await send();
      } catch (error) {
        onFailure?.(error);
        if (error instanceof ApiError && error.code === 'validation_failed' && error.details.length > 0) {
          setServerIssues(error.details);
          setFocusRequest((n) => n + 1);
        } else setFailure(error);
      } finally {
        setSending(false);
      }
    },
  };
}
