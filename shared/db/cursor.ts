/**
 * List cursors: the DynamoDB key to resume from, opaque to clients (base64url JSON). A cursor is
 * checked against the query it is used with, so a forged or foreign cursor is a 400, never a 500.
 */
import { ValidationFailed } from '../domain/errors.ts';

export type Key = Record<string, string>;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const maxKeyValueBytes = 512;

/** The error for a cursor that is not a nextCursor of the same query. */
export const invalidCursor = (): ValidationFailed =>
  new ValidationFailed('Invalid cursor', [
    { path: 'cursor', message: 'Use the nextCursor of the previous page of the same query' },
  ]);

export function decodeCursor(
  cursor: string | undefined,
  expected: Partial<Key>,
  keyNames: string[],
): Key | undefined {
  if (cursor === undefined) return undefined;
  const invalid = invalidCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid;
  const record = key as Record<string, unknown>;
  const names = Object.keys(record);
  // Key values are never empty and never near DynamoDB's 1,024-byte sort key limit.
  const isKeyValue = (value: unknown) =>
    typeof value === 'string' && value !== '' && Buffer.byteLength(value, 'utf8') <= maxKeyValueBytes;
  if (names.length !== keyNames.length || !keyNames.every((n) => isKeyValue(record[n]))) throw invalid;
  for (const [name, value] of Object.entries(expected)) {
    if (record[name] !== value) throw invalid;
  }
  return record as Key;
}
