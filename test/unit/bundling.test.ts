/**
 * The Lambda bundles drop the domain's module-level values that a function never reads
 * (infra/bundling.ts, pureDomainPlugin): safe only while the domain layer stays pure, with no
 * module-level statement run for its effect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { markInitializersPure, repoRoot } from '../../infra/bundling.ts';

const domainDir = join(repoRoot, 'shared', 'domain');
/** What a module of the domain may hold at its top level: declarations, imports and exports. */
const declarationKinds = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
]);

describe('pure domain initializers', () => {
  it('wraps initializers that call something, and nothing else', () => {
    const source = [
      "import * as z from 'zod/mini';",
      "export const kinds = ['a', 'b'] as const;",
      'export const kindSchema = z.enum(kinds);',
      'const shape = { ...other, kind: kindSchema };',
      'export const rank = (kind: string) => kinds.indexOf(kind as never);',
      'export function f() { return z.string(); }',
    ].join('\n');
    expect(markInitializersPure(source, 'x.ts').split('\n')).toEqual([
      "import * as z from 'zod/mini';",
      "export const kinds = ['a', 'b'] as const;",
      'export const kindSchema = /* @__PURE__ */ (() => (z.enum(kinds)))();',
      'const shape = /* @__PURE__ */ (() => ({ ...other, kind: kindSchema }))();',
      'export const rank = (kind: string) => kinds.indexOf(kind as never);',
      'export function f() { return z.string(); }',
    ]);
  });

  it('finds the domain layer free of module-level statements run for their effect', () => {
    const files = readdirSync(domainDir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(10);
    const effects = files.flatMap((file) => {
      const source = ts.createSourceFile(
        file,
        readFileSync(join(domainDir, file), 'utf8'),
        ts.ScriptTarget.Latest,
      );
      return source.statements
        .filter((statement) => !declarationKinds.has(statement.kind))
        .map((statement) => `${file}: ${statement.getText(source).slice(0, 60)}`);
    });
    expect(effects).toEqual([]);
  });
});
