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
  /** An unsubscribe link's token (its SHA-256), in the expert's partition: erased with the profile. */
  unsubscribeToken: (expertId: string, hash: string) => ({ PK: `EXPERT#${expertId}`, SK: `UNSUB#${hash}` }),
  emailChangeToken: (expertId: string, hash: string) => ({
    PK: `EXPERT#${expertId}`,
    SK: `EMAILCHANGE#${hash}`,
  }),
  email: (emailHash: string) => ({ PK: `EMAIL#${emailHash}`, SK: 'EMAIL' }),
  rateLimit: (scope: string, subject: string, window: number) => ({
    PK: `RATE#${scope}#${subject}`,
    SK: `WINDOW#${window}`,
  }),
  outbox: (mailId: string) => ({ PK: `OUTBOX#${mailId}`, SK: 'MAIL' }),
  /** A registration or login-link request, recorded before answering; its stream INSERT does the work. */
  registrationRequest: (id: string) => ({ PK: `REGREQ#${id}`, SK: 'REQUEST' }),
  loginRequest: (id: string) => ({ PK: `LOGINREQ#${id}`, SK: 'REQUEST' }),
  devMail: (createdAt: string, id: string) => ({ PK: 'DEVMAIL', SK: `${createdAt}#${id}` }),
  audit: (target: string, at: string, id: string) => ({ PK: `AUDIT#${target}`, SK: `${at}#${id}` }),
  /** The profile's read model for the audience of collaboration calls (expert-projections.ts). */
  callOptIn: (expertId: string, group: string) => ({ PK: `EXPERT#${expertId}`, SK: `CALLOPTIN#${group}` }),
  /**
   * The search read model's change log (search-read-model.ts): one partition per UTC day, sorted
   * by the time of the change, so an instance reads what changed since its snapshot.
   */
  searchChange: (at: string, expertId: string, version: number) => ({
    PK: `${searchChangeLogPrefix}${at.slice(0, 10)}`,
    SK: `${at}#${expertId}#${version}`,
  }),
  searchChangeDay: (day: string) => `${searchChangeLogPrefix}${day}`,
};

export const searchChangeLogPrefix = 'SEARCHLOG#';

/** Calls and the responses to them, which live in the call's partition. */
export const callKeys = {
  call: (id: string) => ({ PK: `CALL#${id}`, SK: 'CALL' }),
  allCalls: 'CALLS',
  openCalls: 'CALLS#OPEN',
  /** Responses live in the call's partition, and in GSI2 under the responding expert. */
  response: (callId: string, expertId: string) => ({ PK: `CALL#${callId}`, SK: `RESPONSE#${expertId}` }),
  responsesOfExpert: (expertId: string) => `CALLRESPONSES#${expertId}`,
};

export const indexKeys = {
  agencyListing: 'LISTING#AGENCIES',
  directoryListing: 'LISTING#DIRECTORY',
  fieldGroup: (group: string) => `FIELDGROUP#${group}`,
  auditByActor: (actor: string) => `AUDIT_ACTOR#${actor}`,
  /** GSI1 partition of a field group's call audience, sorted by `<audience segment><expertId>`. */
  callOptIn: (group: string) => `CALLOPTIN#${group}`,
  overseasNativeSegment: 'overseas-native#',
  otherSegment: 'other#',
};

/** Epoch seconds for the TTL attribute. */
export const ttlAt = (date: Date): number => Math.floor(date.getTime() / 1000);
