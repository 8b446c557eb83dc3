/** From a stored item to the domain's shape, and the projections that read only some attributes. */

/** The named attributes the item has (a missing one stays missing). */
export function pick<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  return Object.fromEntries(fields.filter((f) => item[f] !== undefined).map((f) => [f, item[f]])) as T;
}

/** The named attributes, null where the item has none. */
export function pickOrNull<T>(item: Record<string, unknown>, fields: readonly string[]): T {
  return Object.fromEntries(fields.map((f) => [f, item[f] ?? null])) as T;
}

/** A ProjectionExpression of these attributes (by placeholder: some are reserved words). */
export function projection(fields: readonly string[]) {
  return {
    ProjectionExpression: fields.map((_, i) => `#a${i}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(fields.map((name, i) => [`#a${i}`, name])),
  };
}
