import { afterEach, describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '#shared/db/cursor';
import { cameThroughCloudFront } from '#shared/http/origin';
import { parseGroups } from '#shared/http/principal';

describe('parseGroups (claims as API Gateway passes them)', () => {
  it.each([
    ['[hr admin]', ['hr', 'admin']],
    ['[hr]', ['hr']],
    ['["hr","admin"]', ['hr', 'admin']],
    [['admin'], ['admin']],
    ['', []],
    [undefined, []],
  ])('reads %j', (raw, groups) => {
    expect(parseGroups(raw)).toEqual(groups);
  });
});

describe('list cursors', () => {
  const names = ['PK', 'SK', 'GSI2PK', 'GSI2SK'];
  const key = { PK: 'EXPERT#1', SK: 'LISTING', GSI2PK: 'LISTING#AGENCIES', GSI2SK: 'an#1' };

  it('round-trips a key', () => {
    expect(decodeCursor(encodeCursor(key), { GSI2PK: 'LISTING#AGENCIES' }, names)).toEqual(key);
  });

  it.each([
    ['garbage', '!!!'],
    ['another query', encodeCursor({ ...key, GSI2PK: 'LISTING#DIRECTORY' })],
    ['extra keys', encodeCursor({ ...key, extra: 'x' })],
    ['a non-object', Buffer.from('[1]').toString('base64url')],
  ])('refuses %s', (_, cursor) => {
    expect(() => decodeCursor(cursor, { GSI2PK: 'LISTING#AGENCIES' }, names)).toThrow('Invalid cursor');
  });
});

describe('cameThroughCloudFront', () => {
  afterEach(() => {
    delete process.env.ORIGIN_VERIFY_SECRET;
  });

  it('lets everything through where there is no CloudFront (no secret: the local stack)', () => {
    expect(cameThroughCloudFront({})).toBe(true);
  });

  it('lets through only the requests that carry the secret CloudFront adds', () => {
    process.env.ORIGIN_VERIFY_SECRET = 'c0ffee00-1234';
    expect(cameThroughCloudFront({ 'x-origin-verify': 'c0ffee00-1234' })).toBe(true);
    expect(cameThroughCloudFront({ 'x-origin-verify': 'c0ffee00-123' })).toBe(false);
    expect(cameThroughCloudFront({ 'x-origin-verify': 'c0ffee00-1235' })).toBe(false);
    expect(cameThroughCloudFront({})).toBe(false);
  });
});
