import { describe, expect, it } from 'vitest';
import {
  BadRequest,
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  PayloadTooLarge,
  PreconditionRequired,
  RateLimited,
  Unauthenticated,
  UnsupportedMediaType,
  ValidationFailed,
  VersionMismatch,
} from '#shared/domain/errors';
import { directoryQuerySchema, expertSearchQuerySchema, pageLimit } from '#shared/domain/expert-search';
import { registryMeta } from '#shared/domain/meta';
import { pageLimitParam } from '#shared/domain/paging';
import { emailKeyHash, issueToken, readToken, sha256 } from '#shared/domain/secret-token';
import { loginLinkRequestSchema, sessionRequestSchema } from '#shared/domain/session';
import { isFieldCode } from '#shared/domain/taxonomy';
import { searchableText } from '#shared/domain/text';
import { issuesOf } from './support/schema-rules.ts';

const expertId = '0b6f2c1e-3d4a-4c59-9e7b-2f1a8d3c4b5e';
const secret = (length: number) => 'S'.repeat(length);

describe('login and session tokens', () => {
  it('hashes with SHA-256, as hex', () => {
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('issues "<expert id>.<secret>" and keeps only the hash of the secret', () => {
    const issued = issueToken(expertId);
    const [id, secretPart] = issued.token.split('.');

    expect(id).toBe(expertId);
    expect(secretPart).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.hash).toBe(sha256(secretPart));
    expect(issueToken(expertId).token).not.toBe(issued.token);
  });

  it('reads an issued token back to its expert and hash', () => {
    const issued = issueToken(expertId);

    expect(readToken(issued.token)).toEqual({ expertId, hash: issued.hash });
  });

  it.each([
    ['an id of 8 characters', `abcd-123.${secret(40)}`, `abcd-12.${secret(40)}`, 'abcd-123'],
    [
      'an id of 64 characters',
      `${'i'.repeat(64)}.${secret(60)}`,
      `${'i'.repeat(65)}.${secret(60)}`,
      'i'.repeat(64),
    ],
    ['a secret of 40 characters', `${expertId}.${secret(40)}`, `${expertId}.${secret(39)}`, expertId],
    ['a secret of 60 characters', `${expertId}.${'_-'.repeat(30)}`, `${expertId}.${secret(61)}`, expertId],
    ['nothing before the id', `${expertId}.${secret(43)}`, `x/${expertId}.${secret(43)}`, expertId],
    ['nothing after the secret', `${expertId}.${secret(43)}`, `${expertId}.${secret(43)}/x`, expertId],
    ['an id of letters, digits and -', `Ab-9Ab-9.${secret(43)}`, `Ab_9Ab_9.${secret(43)}`, 'Ab-9Ab-9'],
    ['a dot between them', `${expertId}.${secret(43)}`, `${expertId}_${secret(43)}`, expertId],
  ])('takes %s, refuses its neighbour', (_, accepted, refused, id) => {
    expect(readToken(accepted)).toEqual({
      expertId: id,
      hash: sha256(accepted.slice(accepted.indexOf('.') + 1)),
    });
    expect(readToken(refused)).toBeNull();
  });

  it('keys an e-mail address by the hash of its trimmed lower-case form', () => {
    expect(emailKeyHash(' Hoa.Le@Example.ORG ')).toBe(sha256('hoa.le@example.org'));
  });

  it('takes an e-mail address to send a link to and a token of 1-200 characters', () => {
    expect(loginLinkRequestSchema.parse({ email: ' Hoa@Example.org' })).toEqual({ email: 'hoa@example.org' });
    expect(loginLinkRequestSchema.safeParse({ email: 'hoa' }).success).toBe(false);
    expect(sessionRequestSchema.safeParse({ token: 't' }).success).toBe(true);
    expect(sessionRequestSchema.safeParse({ token: '' }).success).toBe(false);
    expect(sessionRequestSchema.safeParse({ token: 't'.repeat(200) }).success).toBe(true);
    expect(sessionRequestSchema.safeParse({ token: 't'.repeat(201) }).success).toBe(false);
  });
});

describe('search queries', () => {
  it.each([
    ['1', '0'],
    ['9', '01'],
    ['10', '101'],
    ['99', '100 '],
    ['100', '1000'],
    ['55', 'x5'],
  ])('takes a limit of %s, refuses %s', (accepted, refused) => {
    expect(pageLimitParam.safeParse(accepted).success).toBe(true);
    expect(pageLimitParam.safeParse(refused).success).toBe(false);
  });

  it('pages by 20 unless told otherwise', () => {
    expect(pageLimit(undefined)).toBe(20);
    expect(pageLimit('')).toBe(20);
    expect(pageLimit('7')).toBe(7);
  });

  it('takes every filter HR can set, and refuses malformed ones', () => {
    const query = {
      q: ' nguyễn ',
      field: '2',
      minDegree: 'master',
      title: 'professor',
      locationKind: 'overseas',
      country: 'JP',
      native: 'true',
      language: 'ja',
      engagement: 'short_visit',
      limit: '50',
      cursor: 'c',
    };

    expect(expertSearchQuerySchema.parse(query)).toEqual({ ...query, q: 'nguyễn' });
    for (const [key, value] of Object.entries({
      field: '9',
      country: 'jp',
      native: 'yes',
      language: 'JA',
      q: 'q'.repeat(201),
    })) {
      expect(issuesOf(expertSearchQuerySchema, { ...query, [key]: value }).map((i) => i.path)).toEqual([key]);
    }
    expect(issuesOf(directoryQuerySchema, { q: 'an', field: '2.3', cursor: 'c'.repeat(2000) })).toEqual([]);
    expect(issuesOf(directoryQuerySchema, { cursor: 'c'.repeat(2001) }).map((i) => i.path)).toEqual([
      'cursor',
    ]);
    expect(issuesOf(directoryQuerySchema, { country: 'JP' }).map((i) => i.path)).toEqual(['']);
  });

  it('pads the searchable text with spaces and joins its parts with one', () => {
    expect(searchableText('Nguyễn Văn', 'An')).toBe(' nguyen van an ');
  });

  it('tells a field the taxonomy does not have from one it has', () => {
    expect(isFieldCode('9.9')).toBe(false);
    expect(isFieldCode('6.5')).toBe(true);
  });
});

describe('domain errors', () => {
  it.each([
    [
      'ValidationFailed',
      () => new ValidationFailed('Invalid body'),
      400,
      'validation_failed',
      'Invalid body',
    ],
    ['BadRequest', () => new BadRequest('bad_cursor', 'Invalid cursor'), 400, 'bad_cursor', 'Invalid cursor'],
    ['Unauthenticated', () => new Unauthenticated(), 401, 'unauthenticated', 'Authentication required'],
    ['Forbidden', () => new Forbidden(), 403, 'forbidden', 'Not allowed'],
    ['NotFound', () => new NotFound(), 404, 'not_found', 'Not found'],
    ['Conflict', () => new Conflict(), 409, 'conflict', 'Conflict'],
    [
      'VersionMismatch',
      () => new VersionMismatch(),
      412,
      'version_mismatch',
      'The resource has changed since you read it; reload and try again',
    ],
    [
      'PayloadTooLarge',
      () => new PayloadTooLarge(),
      413,
      'payload_too_large',
      'Request body is larger than 64 KB',
    ],
    [
      'UnsupportedMediaType',
      () => new UnsupportedMediaType(),
      415,
      'unsupported_media_type',
      'Send the body as application/json',
    ],
    [
      'PreconditionRequired',
      () => new PreconditionRequired(),
      428,
      'precondition_required',
      'Send If-Match with the version you read',
    ],
    ['RateLimited', () => new RateLimited(), 429, 'rate_limited', 'Too many requests; try again later'],
  ])('%s answers %i %s', (name, create, status, code, message) => {
    // Created inside the test, so that a mutant of the constructor is active when it runs.
    const error = create();

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status, code, message, name });
  });

  it('carries the details of a validation failure, none by default', () => {
    const details = [{ path: 'zone', message: 'Unknown zone' }];

    expect(new ValidationFailed('Invalid body', details).details).toEqual(details);
    expect(new ValidationFailed('Invalid body').details).toEqual([]);
    expect(new NotFound('No such expert')).toMatchObject({ message: 'No such expert', details: undefined });
  });
});

describe('what GET /api/meta publishes', () => {
  it('the province, the taxonomy, the enumerations and the consent text with its version', () => {
    const meta = registryMeta('quang-ngai');

    expect(meta.province.id).toBe('quang-ngai');
    expect(meta.taxonomy.length).toBe(48);
    expect(meta.degrees).toEqual(['bachelor', 'master', 'doctorate']);
    expect(meta.consentTextVersion).toBe(meta.consentText.version);
    expect(Object.keys(meta).sort()).toEqual(
      [
        'academicTitles',
        'consentText',
        'consentTextVersion',
        'degrees',
        'engagementModes',
        'genders',
        'languageLevels',
        'leadershipPosts',
        'locationKinds',
        'province',
        'sectors',
        'taxonomy',
      ].sort(),
    );
    expect(() => registryMeta('ha-noi')).toThrow('Unknown province "ha-noi"');
  });
});
