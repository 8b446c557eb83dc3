/**
 * The JavaScript a phone downloads before a public page shows, computed from the build's own
 * manifest (which chunks a page's module pulls in) and the chunks' gzip sizes: byte budgets, not
 * timings. The build runs in memory, so it never touches web/dist, which servers may be serving.
 */
import { gzipSync } from 'node:zlib';
import { build, type Manifest, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const kB = 1024;
let manifest: Manifest;
const chunks = new Map<string, Rolldown.OutputChunk>();

beforeAll(async () => {
  const output = (await build({
    configFile: 'web/vite.config.ts',
    logLevel: 'silent',
    build: { write: false },
  })) as Rolldown.RolldownOutput;
  for (const file of output.output) {
    if (file.type === 'chunk') chunks.set(file.fileName, file);
    else if (file.fileName === '.vite/manifest.json') manifest = JSON.parse(String(file.source));
  }
  expect(manifest).toBeDefined();
}, 120_000);

/** The chunk files a module loads before it runs: its own and its static imports, transitively. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  const entry = manifest[key];
  if (!entry) throw new Error(`${key} is not in the build's manifest`);
  if (seen.has(entry.file)) return seen;
  seen.add(entry.file);
  for (const imported of entry.imports ?? []) staticClosure(imported, seen);
  return seen;
}

/** The app (index.html's entry) and, for a page other than the landing page, the page's own chunks. */
const pageFiles = (pageModule?: string) =>
  new Set([...staticClosure('index.html'), ...(pageModule ? staticClosure(pageModule) : [])]);
const gzipBytes = (files: Set<string>) =>
  [...files].reduce((sum, file) => sum + gzipSync(chunks.get(file)?.code ?? '', { level: 9 }).length, 0);
const modulesOf = (files: Set<string>) => [...files].flatMap((file) => chunks.get(file)?.moduleIds ?? []);

const publicPages = {
  register: 'src/pages/RegisterPage.tsx',
  directory: 'src/pages/DirectoryPage.tsx',
  calls: 'src/pages/CallsPage.tsx',
  call: 'src/pages/CallPage.tsx',
  login: 'src/pages/LoginPage.tsx',
};

describe('JavaScript before a public page shows (gzip)', () => {
  it('keeps the landing page within 60 KB', () => {
    expect(gzipBytes(pageFiles())).toBeLessThanOrEqual(60 * kB);
  });

  it('keeps the registration page, with its form and schemas, within 90 KB', () => {
    const files = pageFiles(publicPages.register);
    expect(gzipBytes(files)).toBeLessThanOrEqual(90 * kB);
    // The form's schemas come with the page, not with the app every visitor loads.
    expect(modulesOf(files).some((id) => id.endsWith('shared/domain/expert.ts'))).toBe(true);
    expect(modulesOf(pageFiles()).some((id) => id.endsWith('shared/domain/expert.ts'))).toBe(false);
  });

  it('gives every public page its own chunk, loaded only when it is shown', () => {
    const app = pageFiles();
    for (const [page, module] of Object.entries(publicPages)) {
      expect(manifest[module]?.isDynamicEntry, page).toBe(true);
      expect(app.has(manifest[module].file), page).toBe(false);
    }
  });

  it('leaves the console’s pages, strings and sign-in client out of every public page', () => {
    for (const module of [undefined, ...Object.values(publicPages)]) {
      const loaded = modulesOf(pageFiles(module));
      for (const staffOnly of [
        'web/src/staff-i18n.ts',
        'web/src/components/StaffConsole.tsx',
        'oidc-client-ts',
      ]) {
        expect(
          loaded.filter((id) => id.includes(staffOnly)),
          `${module ?? 'landing'}: ${staffOnly}`,
        ).toEqual([]);
      }
    }
  });
});

describe('JavaScript before a console page shows', () => {
  const consolePages = {
    search: 'src/pages/StaffSearchPage.tsx',
    matches: 'src/pages/DemandMatchesPage.tsx',
    demands: 'src/pages/DemandsPage.tsx',
    offers: 'src/pages/OffersPage.tsx',
  };

  it('loads no OpenID client with the console’s pages (only when a renewal is due or on sign-out)', () => {
    for (const [page, module] of Object.entries(consolePages)) {
      expect(
        modulesOf(pageFiles(module)).filter((id) => id.includes('oidc-client-ts')),
        page,
      ).toEqual([]);
    }
  });

  it('builds no zod schema before the search and matches pages show (their code lists and weights are literals)', () => {
    for (const module of [consolePages.search, consolePages.matches]) {
      const loaded = modulesOf(pageFiles(module));
      expect(
        loaded.filter((id) => id.includes('/zod/') || id.endsWith('shared/domain/expert.ts')),
        module,
      ).toEqual([]);
    }
    // The check can see zod where it is: the registration form builds its schemas.
    expect(modulesOf(pageFiles(publicPages.register)).some((id) => id.includes('/zod/'))).toBe(true);
  });

  it('keeps the matches page within 60 KB', () => {
    expect(gzipBytes(pageFiles(consolePages.matches))).toBeLessThanOrEqual(60 * kB);
  });
});
