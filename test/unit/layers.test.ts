/**
 * Dependencies point one way: domain ← repositories ← services ← handlers and infra. Read from
 * the import lines, so a new file that breaks the direction fails here, not in review.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every module a file imports, as a path from the repository root (packages as they are). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\s)from\s+'([^']+)'|\bimport\s*\(\s*'([^']+)'\s*\)|^import\s+'([^']+)'/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3]);
  return specifiers.map((s) => {
    if (s.startsWith('#shared/')) return `shared/${s.slice('#shared/'.length)}.ts`;
    if (s.startsWith('.')) return relative(root, resolve(root, dirname(file), s));
    return s;
  });
}

function violations(files: string[], allowed: (file: string, imported: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((imported) => !allowed(file, imported))
      .map((imported) => `${file} → ${imported}`),
  );
}

/** Modules every repository may use: the client, keys, table and the query and batch helpers. */
const dbInfrastructure = new Set(
  [
    'client',
    'keys',
    'table',
    'errors',
    'cursor',
    'items',
    'paged-query',
    'batch',
    'bulk-load',
    'transaction',
  ].map((name) => `shared/db/${name}.ts`),
);

describe('layers', () => {
  it('keeps the domain pure: it imports only the domain, zod, node built-ins and the in-memory index', () => {
    expect(
      violations(
        sources('shared/domain'),
        (file, imported) =>
          imported.startsWith('shared/domain/') ||
          imported.startsWith('zod') ||
          imported.startsWith('node:') ||
          // MiniSearch is pure JavaScript over in-memory data (the search read model's index and
          // its scoring over MiniSearch's index).
          ((file === 'shared/domain/expert-index.ts' || file === 'shared/domain/text-scoring.ts') &&
            imported === 'minisearch'),
      ),
    ).toEqual([]);
  });

  // Configuration and the X-Ray tracer that instruments the client are every layer's.
  const crossCutting = new Set(['shared/config.ts', 'shared/tracing.ts']);

  it('keeps repositories to storage: no services, mail or HTTP, and no other repository', () => {
    expect(
      violations(sources('shared/db'), (file, imported) => {
        if (!imported.startsWith('shared/')) return true;
        if (imported.startsWith('shared/domain/') || crossCutting.has(imported)) return true;
        // The profile's read models are part of the expert aggregate.
        if (file === 'shared/db/experts.ts' && imported === 'shared/db/expert-projections.ts') return true;
        return dbInfrastructure.has(imported);
      }),
    ).toEqual([]);
  });

  it('keeps services off HTTP, and everything in shared/ off infra/ and functions/', () => {
    expect(violations(sources('shared/app'), (_, imported) => !imported.startsWith('shared/http/'))).toEqual(
      [],
    );
    expect(
      violations(
        sources('shared'),
        (_, imported) => !imported.startsWith('infra/') && !imported.startsWith('functions/'),
      ),
    ).toEqual([]);
  });

  it('has HTTP handlers call services, not repositories', () => {
    expect(violations(sources('functions'), (_, imported) => !imported.startsWith('shared/db/'))).toEqual([]);
  });
});
