/**
 * Builds the audit CLI (`basira-scan`) to plain JavaScript for Node, from the very engine and
 * adapters the extension ships. Dependencies (linkedom, zod) stay external: npm installs them.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'utils/cli/bin.ts',
    outDir: '.output/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      output: { entryFileNames: 'basira-scan.mjs', banner: '#!/usr/bin/env node' },
      onLog(level, log, handler) {
        // zod 4 ships /* #__PURE__ */ annotations Rollup cannot place; they are harmless.
        if (log.code === 'INVALID_ANNOTATION') return;
        handler(level, log);
      },
    },
  },
});
