/** A mail as the registry writes it to the outbox: composed in shared/mail, delivered by the outbox. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}
