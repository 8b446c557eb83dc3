/**
 * The Lambda bundles drop the domain's module-level values that a function never reads
 * (infra/bundling.ts, pureDomainPlugin): safe only while the domain layer stays pure, with no
 * module-level statement run for its effect.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type PluginBuild, transform } from 'esbuild';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { findRoute, functionGroups, routeKey, routesOfGroup } from '#shared/routes';
import {
  bundleEntry,
  bundleGroup,
  configuredProvincesSource,
  groupCorePath,
  isDuplicableSource,
  loadedOutputs,
  markInitializersPure,
  ownRouteTableSource,
  prebuiltOpenApiSource,
  repoRoot,
  sdkSchemaKeysSource,
  sdkSchemaModule,
} from '../../infra/bundling.ts';
import { openApiDocument } from '../../shared/http/openapi.ts';

const domainDir = join(repoRoot, 'shared', 'domain');
/** A path as esbuild's metafile names it. */
const metafilePath = (file: string) => relative(repoRoot, file).split(sep).join('/');
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

  it('finds the route table free of them too (every bundle marks its initializers pure)', () => {
    const source = ts.createSourceFile(
      'routes.ts',
      readFileSync(join(repoRoot, 'shared', 'routes.ts'), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const effects = source.statements.filter((statement) => !declarationKinds.has(statement.kind));
    expect(effects.map((statement) => statement.getText(source).slice(0, 60))).toEqual([]);
  });
});

describe('the province a function serves', () => {
  const dir = join(repoRoot, '.build', 'test-bundling-province');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundles a module that reads the province list as a Lambda function would, and imports it. */
  async function bundleReadingProvinces(provinceId?: string) {
    mkdirSync(dir, { recursive: true });
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      "export { getProvince, provinces, defaultProvinceId } from '../../shared/domain/provinces/index.ts';\n",
    );
    const out = join(dir, provinceId ?? 'default');
    const bundle = await bundleEntry(entry, out, 'provinces', provinceId ? { provinceId } : {});
    const code = readdirSync(out, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.mjs'))
      .map((file) => readFileSync(join(out, file), 'utf8'))
      .join('\n');
    const module = (await import(
      pathToFileURL(bundle.file).href
    )) as typeof import('#shared/domain/provinces/index');
    return { code, module };
  }

  it('bundles only the province named at bundle time, Quảng Ngãi unless told', async () => {
    const sonLa = await bundleReadingProvinces('son-la');
    expect(sonLa.module.provinces.map((p) => p.id)).toEqual(['son-la']);
    expect(sonLa.module.getProvince('son-la').name.en).toBe('Son La');
    expect(() => sonLa.module.getProvince('quang-ngai')).toThrow(/Unknown province "quang-ngai"/);
    expect(sonLa.code).not.toContain('dung-quat');

    const byDefault = await bundleReadingProvinces();
    expect(byDefault.module.provinces.map((p) => p.id)).toEqual(['quang-ngai']);
    expect(byDefault.module.defaultProvinceId).toBe('quang-ngai');
    expect(byDefault.code).not.toContain('kon-tum');
  });

  it('refuses a province the registry does not ship', () => {
    expect(() => configuredProvincesSource('ha-noi')).toThrow(/No province "ha-noi"/);
    expect(() => configuredProvincesSource('../quang-ngai')).toThrow(/No province/);
  });
});

describe('one file on the cold path', () => {
  const dir = join(repoRoot, '.build', 'test-bundling-one-file');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundles an entry that imports `shared` and loads `lazy.ts` (which imports it too) with `import()`. */
  async function bundleWithLazyModule(name: string, shared: string) {
    const src = join(dir, name);
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'state.ts'), 'export class Box {}\n');
    writeFileSync(
      join(src, 'entry.ts'),
      `${shared}\nexport const shared = Shared;\nexport const lazy = () => import('./lazy.ts');\n`,
    );
    writeFileSync(join(src, 'lazy.ts'), `${shared}\nexport const shared = Shared;\n`);
    const bundle = await bundleEntry(join(src, 'entry.ts'), join(src, 'out'), name);
    const module = (await import(pathToFileURL(bundle.file).href)) as {
      shared: unknown;
      lazy(): Promise<{ shared: unknown }>;
    };
    return { files: loadedOutputs(bundle), module };
  }

  it('loads one file at import when the entry shares only libraries with its lazy chunks', async () => {
    // zod/v4/mini: `zod/mini` is the repository's stand-in in a Lambda bundle (infra/lambda/zod-mini.ts).
    const { files, module } = await bundleWithLazyModule('library', "import * as Shared from 'zod/v4/mini';");
    expect(files).toHaveLength(1);
    const lazy = await module.lazy();
    expect((lazy.shared as typeof import('zod/mini')).number().parse(1)).toBe(1);
  });

  it('keeps the split layout when a lazy chunk would hold a second copy of a repository module', async () => {
    const { files, module } = await bundleWithLazyModule(
      'repository',
      "import { Box as Shared } from './state.ts';",
    );
    expect(files.length).toBeGreaterThan(1);
    // One class, not two copies: an instanceof across the entry and the lazy chunk holds.
    expect((await module.lazy()).shared).toBe(module.shared);
  });
  it('lets a domain module exist twice only without classes, module-level variables or symbols', () => {
    expect(
      isDuplicableSource(
        "import { a } from './a.ts';\nexport const b = (x: number) => x + a;\nexport function c() { return new Set([1]); }\n",
      ),
    ).toBe(true);
    expect(isDuplicableSource('export const table = new Map([[1, 2]]);\n')).toBe(true);
    for (const source of [
      'export class DomainError extends Error {}\n',
      'export default class {}\n',
      'export const Box = class {};\n',
      'export function f() { return class {}; }\n',
      'let count = 0;\nexport const next = () => ++count;\n',
      'export var x = 1;\n',
      "export const marker = Symbol('marker');\n",
    ]) {
      expect(isDuplicableSource(source), source).toBe(false);
    }
  });

  it('builds the report route as one file: its lazy workbook shares only class-free domain modules with it', async () => {
    const bundle = await bundleEntry(
      join(repoRoot, 'functions', 'stats', 'get-report.ts'),
      join(dir, 'report'),
      'report',
    );
    expect(loadedOutputs(bundle)).toHaveLength(1);
    const { outputs } = bundle.metafile;
    expect(Object.values(outputs).some((o) => o.entryPoint === 'shared/app/report-workbook.ts')).toBe(true);
    // The workbook's own copy of the report domain, behind the lazy chunk.
    const lazySide = Object.entries(outputs).filter(([path]) => path.includes('/chunks/'));
    expect(lazySide.some(([, o]) => Object.hasOwn(o.inputs, 'shared/domain/report.ts'))).toBe(true);
  });

  it('builds a staff route as one file: its lazy Cognito directory shares no registry module with it', async () => {
    const bundle = await bundleEntry(
      join(repoRoot, 'functions', 'staff', 'invite-staff-user.ts'),
      join(dir, 'staff'),
      'staff',
    );
    expect(loadedOutputs(bundle)).toHaveLength(1);
    const { outputs } = bundle.metafile;
    const chunk = Object.keys(outputs).find(
      (path) => outputs[path].entryPoint === 'shared/app/cognito-staff-directory.ts',
    );
    expect(chunk).toBeDefined();
    const module = (await import(pathToFileURL(join(repoRoot, chunk as string)).href)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(module)).toContain('CognitoStaffDirectory');
  });
});

describe('a group whose routes share module state', () => {
  const dir = join(repoRoot, '.build', 'test-bundling-shared-core');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads two files on every cold path, and every route from one core (one read model)', async () => {
    const group = 'search';
    expect(functionGroups[group].sharedModules).toBeDefined();
    const bundle = await bundleGroup(group, dir);
    const keys = routesOfGroup(group).map(routeKey);
    for (const route of routesOfGroup(group)) {
      const files = loadedOutputs(bundle, `functions/${route.handler}.ts`);
      expect(files, routeKey(route)).toEqual([
        metafilePath(bundle.file),
        metafilePath(join(bundle.dir, groupCorePath)),
      ]);
    }
    // Importing the core configures the DynamoDB client, as in Lambda.
    vi.stubEnv('TABLE_NAME', 'bundling-test');
    vi.stubEnv('AWS_REGION', 'ap-southeast-1');
    const dispatcher = (await import(pathToFileURL(bundle.file).href)) as {
      loadRoute(key: string): Promise<unknown>;
    };
    const core = (await import(pathToFileURL(join(bundle.dir, groupCorePath)).href)) as Record<
      string,
      unknown
    >;
    const handlers = await Promise.all(keys.map((key) => dispatcher.loadRoute(key)));
    expect(handlers).toEqual(keys.map((_, i) => core[`route${i}`]));
    expect(new Set(handlers).size).toBe(keys.length);
    vi.unstubAllEnvs();
  }, 60_000); // three esbuild builds and the core's import: slow on a busy machine
});

describe("a route's own route table", () => {
  it("answers findRoute from the route's own entry and lets the rest of the table be dropped", () => {
    const source = readFileSync(join(repoRoot, 'shared', 'routes.ts'), 'utf8');
    const route = findRoute('PATCH /api/me');
    const own = ownRouteTableSource(source, route);
    expect(own).toContain(`if (key === "PATCH /api/me") return ${JSON.stringify(route)};`);
    expect(own).not.toContain('routes.find(');
    expect(own).toMatch(/export const routes: readonly RouteDefinition\[\] = \/\* @__PURE__ \*\//);
  });
});

describe('the OpenAPI route’s prebuilt document', () => {
  it('is the document the API builds at run time, and builds no schema', async () => {
    const source = await prebuiltOpenApiSource();
    // No import: nothing of the registry or zod is loaded or built by the route.
    expect(source.split('\n').filter((line) => /^\s*(import|export .* from)\b/.test(line))).toEqual([]);
    const module = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect(module.openApiDocument()).toEqual(openApiDocument());
  });
});

describe("the AWS SDK's schema literals", () => {
  const sesSchemas = join(
    repoRoot,
    'node_modules',
    '@aws-sdk',
    'client-sesv2',
    'dist-es',
    'schemas',
    'schemas_0.js',
  );

  it('names a computed key by the string constant it reads, and leaves any other alone', () => {
    const source = [
      'const _h = "http";',
      'const _hQ = "httpQuery";',
      'export var Op$ = [9, n0, _O, { [_h]: ["POST", "/v2/op", 200] }, () => In$];',
      'export var In$ = [3, n0, _I, 0, [_N], [[0, { [_hQ]: _N, [_x]: 1 }]]];',
    ].join('\n');
    expect(sdkSchemaKeysSource(source).split('\n').slice(2)).toEqual([
      'export var Op$ = [9, n0, _O, { "http": ["POST", "/v2/op", 200] }, () => In$];',
      'export var In$ = [3, n0, _I, 0, [_N], [[0, { "httpQuery": _N, [_x]: 1 }]]];',
    ]);
  });

  it('leaves every schema of a real client as it was', async () => {
    const bundled = async (plugins: Plugin[]) => {
      const result = await build({
        entryPoints: [sesSchemas],
        bundle: true,
        format: 'esm',
        platform: 'node',
        write: false,
        logLevel: 'silent',
        plugins,
      });
      const module = await import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0].text)}`);
      // Functions (the lazy references between schemas) compare by what they return.
      return JSON.stringify(module, (_key, value) =>
        typeof value === 'function' ? `=> ${String(value())?.slice(0, 80)}` : value,
      );
    };
    const rewritten = {
      name: 'rewrite',
      setup: (b: PluginBuild) =>
        b.onLoad({ filter: sdkSchemaModule }, async ({ path }) => ({
          contents: sdkSchemaKeysSource(readFileSync(path, 'utf8')),
          loader: 'js' as const,
        })),
    };
    const [before, after] = await Promise.all([bundled([]), bundled([rewritten])]);
    expect(after).toBe(before);
    expect(before).toContain('"http":["POST","/v2/email/outbound-emails",200]');
  });

  it("keeps only the operations a function sends: the mail consumer holds SendEmail's schema and no other", async () => {
    const dir = join(repoRoot, '.build', 'test-bundling-sdk-schemas');
    try {
      const bundle = await bundleEntry(
        join(repoRoot, 'functions', 'outbox', 'deliver-mail.ts'),
        dir,
        'deliver-mail',
      );
      const code = loadedOutputs(bundle)
        .map((file) => readFileSync(join(repoRoot, file), 'utf8'))
        .join('\n');
      // Which of these paths the bundle holds (not the bundle itself: a failure would print it whole).
      const paths = ['/v2/email/outbound-emails', '/v2/email/metrics/batch', '/v2/email/contact-lists'];
      expect(paths.filter((path) => code.includes(path))).toEqual(['/v2/email/outbound-emails']);
      // Nor the route table: a consumer reads its own entry of the stream consumers.
      expect(code.includes('/api/experts/{id}')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validation in a Lambda bundle', () => {
  const dir = join(repoRoot, '.build', 'test-bundling-validation');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds no zod schema and parses no zod locale at import: real zod is a lazy chunk', async () => {
    const bundle = await bundleEntry(join(repoRoot, 'functions', 'me', 'patch-me.ts'), dir, 'patch-me');
    const { outputs } = bundle.metafile;
    const cold = loadedOutputs(bundle);
    const coldInputs = cold.flatMap((path) => Object.entries(outputs[path].inputs));
    expect(coldInputs.map(([input]) => input)).toContain('infra/lambda/zod-mini.ts');
    // Of zod, only the patterns and the code-point count the stand-in shares with it.
    const zodBytes = Object.fromEntries(
      coldInputs
        .filter(([input]) => input.startsWith('node_modules/zod/'))
        .map(([i, o]) => [i, o.bytesInOutput]),
    );
    expect(Object.keys(zodBytes).sort()).toEqual([
      'node_modules/zod/v4/core/regexes.js',
      'node_modules/zod/v4/core/util.js',
    ]);
    expect(zodBytes['node_modules/zod/v4/core/util.js']).toBeLessThan(600);
    const fallback = Object.entries(outputs).find(
      ([, output]) => output.entryPoint === 'infra/lambda/zod-fallback.ts',
    );
    expect(Object.keys(fallback?.[1].inputs ?? {})).toEqual(
      expect.arrayContaining(['node_modules/zod/v4/core/schemas.js', 'node_modules/zod/v4/locales/en.js']),
    );
    // Only the English tables of zod's locales.
    const locales = Object.entries(fallback?.[1].inputs ?? {}).filter(
      ([input, { bytesInOutput }]) => input.includes('/locales/') && bytesInOutput > 0,
    );
    expect(locales.map(([input]) => input)).toEqual(['node_modules/zod/v4/locales/en.js']);
  });

  it('is ASCII: one other character makes the whole file a two-byte string to decode and parse', async () => {
    // esbuild escapes strings and drops comments; a regular expression it leaves as written.
    const sources = ['shared', 'functions', 'infra/lambda'].flatMap((folder) =>
      readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => join(folder, file)),
    );
    expect(sources.length).toBeGreaterThan(150);
    for (const source of sources) {
      const { code } = await transform(readFileSync(join(repoRoot, source), 'utf8'), {
        loader: 'ts',
        minify: true,
        charset: 'ascii',
      });
      expect(
        [...code.matchAll(/[^ -~\t\n\r]+/g)].map((m) => code.slice(m.index - 40, m.index + 10)),
        source,
      ).toEqual([]);
    }
    const bundle = await bundleEntry(join(repoRoot, 'functions', 'me', 'patch-me.ts'), dir, 'patch-me');
    for (const path of loadedOutputs(bundle)) {
      const text = readFileSync(join(repoRoot, path), 'utf8');
      expect([...text.matchAll(/[^ -~\t\n\r]+/g)].map((m) => text.slice(m.index - 40, m.index + 10))).toEqual(
        [],
      );
    }
  });
});
