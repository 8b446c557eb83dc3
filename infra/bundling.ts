/**
 * The one set of esbuild options for Lambda bundles: the CDK function construct builds with them
 * and the cold-start benchmark measures exactly what they produce. No CDK imports here, so the
 * benchmark loads this without aws-cdk-lib.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';

/** The repository root: esbuild's working directory and the base of every handler path. */
export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export const lambdaEsbuildOptions = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  bundle: true,
  minify: true,
  sourcemap: 'linked',
  mainFields: ['module', 'main'],
  // Some CommonJS dependencies call require(); an ESM bundle has none unless we make one.
  banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
  outExtension: { '.js': '.mjs' },
  // Lambda puts the role's credentials in the environment: bundle only that provider.
  alias: { '@aws-sdk/credential-provider-node': './infra/lambda/credential-provider-node.ts' },
} satisfies BuildOptions;

export interface HandlerBundle {
  /** Absolute path of the bundled module (`<outdir>/<handler>.mjs`). */
  file: string;
  bytes: number;
  /** esbuild's metafile: which inputs the bundle holds, and how many bytes each contributes. */
  metafile: Metafile;
}

/** Bundles `functions/<handler>.ts` (e.g. `experts/register-expert`) into `outdir/<handler>.mjs`. */
export async function bundleHandler(handler: string, outdir: string): Promise<HandlerBundle> {
  const entry = join(repoRoot, 'functions', `${handler}.ts`);
  const file = join(outdir, `${handler}.mjs`);
  mkdirSync(dirname(file), { recursive: true });
  const result = await build({
    ...lambdaEsbuildOptions,
    absWorkingDir: repoRoot,
    tsconfig: join(repoRoot, 'tsconfig.json'),
    entryPoints: [entry],
    // outdir + entryNames rather than outfile, so that outExtension (.mjs) applies as in CDK.
    outdir: dirname(file),
    entryNames: '[name]',
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.metafile.outputs[relative(repoRoot, file).split(sep).join('/')];
  if (!output) throw new Error(`esbuild reported no output ${file} for ${handler}`);
  return { file, bytes: output.bytes, metafile: result.metafile };
}
