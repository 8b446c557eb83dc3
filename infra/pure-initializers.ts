/**
 * The domain layer is pure (test/unit/layers.test.ts): building a module-level schema, table or
 * list has no effect besides its value. Bundlers cannot know that (a call, a `new` or an object
 * spread might have one), so they keep, and run at load, every schema of every domain module that
 * is imported, used or not. `markInitializersPure` tells them. Used by the Lambda bundles
 * (`pureDomainPlugin`, infra/bundling.ts) and the web build (web/vite.config.ts): a function, or a
 * page, builds only the schemas and tables its code reads.
 */
import ts from 'typescript';

/** Which modules the transformation applies to: the domain layer's TypeScript. */
export const domainModule = /[\\/]shared[\\/]domain[\\/].*\.ts$/;

/** Whether a module-level initializer does more than build a literal: a call, a `new`, a spread. */
function mayHaveEffects(node: ts.Node): boolean {
  if (ts.isFunctionLike(node) || ts.isClassLike(node)) return false;
  if (
    ts.isCallExpression(node) ||
    ts.isNewExpression(node) ||
    ts.isTaggedTemplateExpression(node) ||
    ts.isSpreadElement(node) ||
    ts.isSpreadAssignment(node)
  ) {
    return true;
  }
  return ts.forEachChild(node, mayHaveEffects) ?? false;
}

/**
 * Wraps every module-level initializer that calls something in an arrow function called at once
 * and annotated `@__PURE__` (`const x = (() => (<initializer>))()`): evaluated exactly as before
 * where `x` is used, dropped by the bundler where nothing reads `x`.
 */
export function markInitializersPure(source: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ranges: [number, number][] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const { initializer } of statement.declarationList.declarations) {
      if (initializer && mayHaveEffects(initializer))
        ranges.push([initializer.getStart(file), initializer.end]);
    }
  }
  let out = source;
  for (const [start, end] of ranges.reverse()) {
    out = `${out.slice(0, start)}/* @__PURE__ */ (() => (${out.slice(start, end)}))()${out.slice(end)}`;
  }
  return out;
}
