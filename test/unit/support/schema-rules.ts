import { expect, it } from 'vitest';

interface Schema {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
  };
}

/** The issues a schema finds in a value, as `path` (dotted) and message. */
export const issuesOf = (schema: Schema, value: unknown): { path: string; message: string }[] =>
  schema.safeParse(value).error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

/**
 * A rule of a payload schema: a change to a valid payload that the rule accepts, and its
 * neighbour that it refuses, at that path (and with that message, when the rule words its own).
 */
export type RuleRow = [rule: string, accepted: object, refused: object, path: string, message?: string];

/** One test per rule: the accepted change parses, the refused one fails on that rule alone. */
export function eachRuleWithItsNeighbours(schema: Schema, valid: object, rows: RuleRow[]): void {
  it.each(rows)('%s', (_, accepted, refused, path, message) => {
    expect(issuesOf(schema, { ...valid, ...accepted })).toEqual([]);
    const issues = issuesOf(schema, { ...valid, ...refused });
    expect(issues.map((i) => i.path)).toEqual([path]);
    if (message) expect(issues[0].message).toBe(message);
  });
}
