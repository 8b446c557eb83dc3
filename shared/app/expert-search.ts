/**
 * HR search and the public directory. Consent is enforced by the read models they query (only
 * experts who share with agencies, or opted in to the directory, have those items), so the
 * services add nothing to the repository's reads.
 */
export { listDirectory, searchExperts } from '../db/expert-search.ts';
