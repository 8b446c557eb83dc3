/** A mail as the registry writes it to the outbox: composed in shared/mail, delivered by the outbox. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. RFC 8058's one-click `List-Unsubscribe` and `List-Unsubscribe-Post`. */
  headers?: MailHeader[];
}

export interface MailHeader {
  name: string;
  value: string;
}
