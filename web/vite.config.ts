import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { domainModule, markInitializersPure } from '../infra/pure-initializers.ts';

// Run from the repository root (`vite build --config web/vite.config.ts`), so every path is
// anchored to this file rather than to the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist', import.meta.url));
const localServer = 'http://127.0.0.1:3000';

/**
 * Writes a .br and a .gz beside every text file of the build, at the highest levels (done once
 * here rather than on every request): the local server sends them by Accept-Encoding. The AWS
 * deployment leaves them out, CloudFront compresses there.
 */
function precompress(): Plugin {
  const textFile = /\.(js|css|html|svg|txt|json|webmanifest)$/;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      // .vite holds the build's manifest, read by the budget test, never served.
      entry.isDirectory()
        ? entry.name === '.vite'
          ? []
          : walk(join(dir, entry.name))
        : [join(dir, entry.name)],
    );
  let writes = true;
  return {
    name: 'talent-registry:precompress',
    apply: 'build',
    configResolved(config) {
      // A build kept in memory (the budget test's) writes nothing, so it has nothing to compress.
      writes = config.build.write;
    },
    closeBundle() {
      if (!writes) return;
      for (const file of walk(outDir).filter((f) => textFile.test(f))) {
        const body = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * The domain modules' module-level schemas and tables are built only where a page reads them
 * (infra/pure-initializers.ts): the matches page reads two constants of the matching module and
 * otherwise evaluated every zod schema of the demand, call and expert modules it reaches.
 */
function pureDomain(): Plugin {
  return {
    name: 'talent-registry:pure-domain',
    enforce: 'pre',
    transform(code, id) {
      return domainModule.test(id)
        ? { code: markInitializersPure(code, id), map: null, moduleSideEffects: false }
        : null;
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [pureDomain(), react(), precompress()],
  resolve: {
    alias: [
      // package.json "imports" maps #shared/* too; the alias makes it independent of the Vite version.
      { find: '#shared', replacement: fileURLToPath(new URL('../shared', import.meta.url)) },
      // The app is written and type-checked against React's API; the browser gets Preact's
      // implementation of it (about 12 KB gzip instead of react-dom's 65 KB), which is what lets the
      // landing page's JavaScript fit its 60 KB budget on a phone's connection.
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir,
    emptyOutDir: true,
    // The budget test (test/unit/web-budget.test.ts) reads which chunks each page loads from it.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': localServer,
      '/dev': localServer,
    },
  },
});
