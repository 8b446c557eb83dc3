import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Run from the repository root (`vite build --config web/vite.config.ts`), so every path is
// anchored to this file rather than to the working directory.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const localServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  resolve: {
    // package.json "imports" maps #shared/* too; the alias makes it independent of the Vite version.
    alias: { '#shared': fileURLToPath(new URL('../shared', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': localServer,
      '/dev': localServer,
    },
  },
});
