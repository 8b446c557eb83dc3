/** Key builders of the single table (layout in table.ts). */
export const keys = {
  expert: (id: string) => ({ PK: `EXPERT#${id}`, SK: 'PROFILE' }),
  expertPartition: (id: string) => `EXPERT#${id}`,
  listing: (id: string) => ({ PK: `EXPERT#${id}`, SK: 'LISTING' }),
  directory: (id: string) => ({ PK: `EXPERT#${id}`, SK: 'DIRECTORY' }),
  fieldGroup: (id: string, group: string) => ({ PK: `EXPERT#${id}`, SK: `FIELDGROUP#${group}` }),
  tombstone: (id: string) => ({ PK: `EXPERT#${id}`, SK: 'TOMBSTONE' }),
  loginToken: (expertId: string, hash: string) => ({ PK: `EXPERT#${expertId}`, SK: `LOGIN#${hash}` }),
  session: (expertId: string, hash: string) => ({ PK: `EXPERT#${expertId}`, SK: `SESSION#${hash}` }),
  email: (emailHash: string) => ({ PK: `EMAIL#${emailHash}`, SK: 'EMAIL' }),
  rateLimit: (scope: string, subject: string, window: number) => ({
    PK: `RATE#${scope}#${subject}`,
    SK: `WINDOW#${window}`,
  }),
  outbox: (mailId: string) => ({ PK: `OUTBOX#${mailId}`, SK: 'MAIL' }),
  devMail: (createdAt: string, id: string) => ({ PK: 'DEVMAIL', SK: `${createdAt}#${id}` }),
  audit: (target: string, at: string, id: string) => ({ PK: `AUDIT#${target}`, SK: `${at}#${id}` }),
};

export const indexKeys = {
  agencyListing: 'LISTING#AGENCIES',
  directoryListing: 'LISTING#DIRECTORY',
  fieldGroup: (group: string) => `FIELDGROUP#${group}`,
  auditByActor: (actor: string) => `AUDIT_ACTOR#${actor}`,
};

/** Epoch seconds for the TTL attribute. */
export const ttlAt = (date: Date): number => Math.floor(date.getTime() / 1000);
