/** OpenAPI entries of the meta, expert and self-service routes (see openapi.ts). */
import { consentChoicesSchema, profilePatchSchema, registrationSchema } from '../domain/expert.ts';
import { directoryQuerySchema, expertSearchQuerySchema } from '../domain/expert-search.ts';
import {
  checkEmailSchema,
  directoryEntrySchema,
  expertProfileSchema,
  expertSummarySchema,
  openedSessionSchema,
  searchPageSchema,
} from '../domain/expert-views.ts';
import { expertDataExportSchema } from '../domain/me-views.ts';
import { healthSchema, openApiDocumentSchema, registryMetaSchema } from '../domain/meta-views.ts';
import {
  emailChangeConfirmSchema,
  emailChangedSchema,
  emailChangeRequestSchema,
  endSessionQuerySchema,
  loginLinkRequestSchema,
  sessionRequestSchema,
  unsubscribedSchema,
  unsubscribeQuerySchema,
} from '../domain/session.ts';
import type { OperationSchemas } from './openapi.ts';
import {
  consentChoicesExample,
  expertProfileExample,
  expertSearchExample,
  profilePatchExample,
  registrationExample,
} from './openapi-examples.ts';

const profileGone = 'The profile was erased meanwhile';

export const expertOperations: Record<string, OperationSchemas> = {
  'GET /api/health': {
    summary: 'Liveness',
    description: 'Answers `{"status": "ok"}` while the API is up; touches nothing else.',
    response: healthSchema,
  },
  'GET /api/meta': {
    summary: 'Province, field taxonomy, enumerations and the consent text version',
    description:
      'What forms need: the province (zones, agencies, 2030 targets), the OECD field taxonomy, ' +
      'the enumerations of the profile and the consent text with its version, which registration must send back.',
    response: registryMetaSchema,
  },
  'GET /api/openapi.json': {
    summary: 'This document',
    description:
      'The OpenAPI 3.1 description of this API, generated from the route table and its zod schemas.',
    response: openApiDocumentSchema,
  },
  'POST /api/experts': {
    summary: 'Self-registration',
    description:
      'Registers an expert. The answer is the same whether or not the e-mail is registered (no account ' +
      'enumeration): a new address gets a verification mail, a known one a login link. Consent to the ' +
      'registry purpose and the current consent text version (GET /api/meta) are required.',
    body: registrationSchema,
    success: 202,
    response: checkEmailSchema,
    examples: { body: registrationExample, response: { status: 'check_email' } },
  },
  'POST /api/me/login-link': {
    summary: 'Mail a login link',
    description:
      'Mails a login link to a registered address (a verification link while it is unverified). ' +
      'Always 202, so the answer reveals nothing about the address. `returnTo` (`/me`, ' +
      '`/me/offers/{id}` or `/calls/{id}`) is the page the link opens. Instead of an address, ' +
      '`expiredToken` (the token of an expired mail link) mails a fresh link for the same page to ' +
      'the address the expired one went to, once per expired link.',
    body: loginLinkRequestSchema,
    success: 202,
    response: checkEmailSchema,
    errors: { 429: 'Too many login links for this address this hour (or throttled)' },
  },
  'POST /api/me/session': {
    summary: 'Exchange a login token for a session',
    description:
      "Takes the token of a mail link's `#login=` fragment (single use; valid 24 hours, or 7 days in " +
      'a mail about an offer or a call) and opens a session; `returnTo` is the page the link was ' +
      'mailed for. The first use of a verification link verifies the e-mail and activates the profile.',
    body: sessionRequestSchema,
    response: openedSessionSchema,
    errors: {
      401: 'The link is invalid, already used or expired (`details[0].message` `link_expired`: ask for a new one with `expiredToken`)',
    },
  },
  'POST /api/me/email-change': {
    summary: 'Ask to change the e-mail address',
    description:
      'Mails a confirmation link (24 hours, single use) to the new address and a notice to the current ' +
      'one. Always 202 whether or not the new address has a profile, as registration answers: the owner ' +
      'of a taken address is told by mail instead. Limited per new address, with login links.',
    body: emailChangeRequestSchema,
    success: 202,
    response: checkEmailSchema,
    errors: {
      400: 'The address is the current one (`details[0].message` `same_as_current`)',
      404: profileGone,
      429: 'Too many mails to this address this hour',
    },
  },
  'POST /api/me/email-change/confirm': {
    summary: 'Confirm a change of e-mail address',
    description:
      "Takes the token of the confirmation link's `#token=` fragment. The token is the credential " +
      '(issued to a signed-in expert, delivered to the new address), so no session is needed. Changes ' +
      'the address and its unique key in one transaction, mails a notice to the old address, and ' +
      'invalidates the login links mailed before.',
    body: emailChangeConfirmSchema,
    response: emailChangedSchema,
    errors: {
      404: 'The link is not valid, already used or expired',
      409: 'The address belongs to another profile now',
    },
  },
  'DELETE /api/me/session': {
    summary: 'Sign out (here or everywhere)',
    description:
      'Ends the session the request carries; with `all=true` every session of the expert ' +
      '(every browser and device). The token stops working at once.',
    query: endSessionQuerySchema,
    success: 204,
  },
  'POST /api/unsubscribe': {
    summary: 'One-click unsubscribe from collaboration calls',
    description:
      "The target of a call mail's `List-Unsubscribe` header and of its unsubscribe page (RFC 8058): " +
      'withdraws the collaboration-calls consent of the expert the token was issued to, leaving the ' +
      'other choices as they are (a consent record and an audit event, as in PUT /api/me/consent). ' +
      'Takes no body or the form body `List-Unsubscribe=One-Click`. Valid 180 days; a second use ' +
      'answers `changed: false`.',
    query: unsubscribeQuerySchema,
    response: unsubscribedSchema,
    errors: { 404: 'The link is not valid or has expired (or the profile was erased)' },
  },
  'GET /api/directory': {
    serverTiming: true,
    summary: 'Public directory of experts who opted in',
    description:
      'Experts who opted in to the public directory: name, degree, title, fields and country only. ' +
      '`q` matches names and specializations regardless of diacritics and case; every word may be ' +
      'the start of a word, and a word of six letters or more may carry one typo. `total` counts ' +
      'every match, `facets` count them per field group, degree and country; `sort` is relevance ' +
      '(the default with `q`), name (the default without) or updated.',
    query: directoryQuerySchema,
    response: searchPageSchema(directoryEntrySchema),
  },
  'GET /api/me': {
    summary: 'Own profile',
    description: 'The full profile of the expert the session belongs to, with its version as the ETag.',
    response: expertProfileSchema,
    errors: { 404: profileGone },
    examples: { response: expertProfileExample },
  },
  'PATCH /api/me': {
    summary: 'Edit own profile (If-Match)',
    description:
      'Changes any subset of the editable fields (not e-mail or consent); `null` clears an optional ' +
      'one. Rules across fields (titles need a doctorate, experience must fit the birth year) are ' +
      'checked on the merged profile.',
    body: profilePatchSchema,
    response: expertProfileSchema,
    errors: { 404: profileGone },
    examples: { body: profilePatchExample },
  },
  'PUT /api/me/consent': {
    summary: 'Change consent',
    description:
      'Sets the optional consents; kept with the time and the consent text version, and in force at ' +
      'once (withdrawing shareWithAgencies takes the profile out of search and matching).',
    body: consentChoicesSchema,
    response: expertProfileSchema,
    errors: { 404: profileGone, 409: 'The profile kept changing concurrently; try again' },
    examples: { body: consentChoicesExample },
  },
  'GET /api/me/export': {
    summary: 'Everything held about me',
    description:
      'The data-subject export: profile, consent history, every offer naming the expert, call ' +
      'responses, and which agencies read the profile and when. Audited.',
    response: expertDataExportSchema,
    errors: { 404: profileGone },
  },
  'DELETE /api/me': {
    summary: 'Erase my profile',
    description:
      'Erases the personal data at once: profile, read models, tokens, sessions and call responses. ' +
      'Offers and the audit trail keep a tombstone without personal data.',
    success: 204,
    errors: { 409: 'The profile changed while it was being erased; try again' },
  },
  'GET /api/experts': {
    serverTiming: true,
    summary: 'Search experts (HR)',
    description:
      'Summaries (no e-mail, phone or birth year) of active experts who share their profile with ' +
      'agencies. `q` matches name, specialization and employer regardless of diacritics and case; ' +
      '`field` takes a field ("2.3") or a group ("2"). Every word may be the start of a word; a word ' +
      'of six letters or more may carry one typo. `sort`: relevance (the default with `q`: name ' +
      'matches first, then specialization, then employer), name (the default without `q`) or ' +
      'updated (newest first). `total` counts every match of the query and filters; `facets` count ' +
      'them per field group, degree, location kind and the top countries. Each page is checked ' +
      'against the current listing before it is returned.',
    query: expertSearchQuerySchema,
    response: searchPageSchema(expertSummarySchema),
    examples: { response: expertSearchExample },
  },
  'GET /api/experts/{id}': {
    summary: 'Full profile with contacts (HR; audited)',
    description:
      'The full profile, contacts included, of an active expert who shares it with agencies ' +
      '(otherwise 404). Every read is recorded in the audit trail and shown to the expert in the export.',
    response: expertProfileSchema,
    examples: { response: expertProfileExample },
  },
};
