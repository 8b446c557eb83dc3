/**
 * Who acts: a staff member (from the verified token), an expert (from their session) or a
 * scheduled job. Services take an Actor; audit events and offer histories keep only its
 * recorded form (ids and the agency, never personal data), which survives an erasure.
 */

/** A staff member: their agency and role, from the verified token, never from the body. */
export interface StaffActor {
  kind: 'staff';
  sub: string;
  groups: string[];
  /** null for an administrator who belongs to no agency. */
  agency: string | null;
  isAdmin: boolean;
  /**
   * The address the officer signed in with (the token's `email` claim). Used only to address the
   * mail that tells them an expert answered; never recorded in audit events or histories.
   */
  email?: string;
}

export interface ExpertActor {
  kind: 'expert';
  expertId: string;
}

/** A scheduled job acting on its own (the deadline sweep). */
export interface SystemActor {
  kind: 'system';
  /** The job's name, as recorded. */
  id: string;
}

export type Actor = StaffActor | ExpertActor | SystemActor;
export type ActorKind = Actor['kind'];

/** An actor as audit events and offer histories record it. */
export interface RecordedActor {
  kind: ActorKind;
  id: string;
  agency?: string | null;
}

export function recordedActor(actor: Actor): RecordedActor {
  switch (actor.kind) {
    case 'staff':
      return { kind: 'staff', id: actor.sub, agency: actor.agency };
    case 'expert':
      return { kind: 'expert', id: actor.expertId };
    case 'system':
      return { kind: 'system', id: actor.id };
  }
}

export const expertActor = (expertId: string): ExpertActor => ({ kind: 'expert', expertId });
