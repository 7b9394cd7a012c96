/// <reference types="vitest/config" />
import vue from '@vitejs/plugin-vue';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.IOC_API_URL ?? 'http://127.0.0.1:3000';

/** The browser's entry point of libs/domain, as its package.json declares it; nothing deeper. */
const domain = JSON.parse(readFileSync(here('../../libs/domain/package.json'), 'utf8')) as {
  exports: Record<string, string>;
};
const domainBrowser = here(`../../libs/domain/${domain.exports['./browser']}`);

/** The IOC dashboard: built into dist/dashboard, which the API serves on its own port. */
export default defineConfig({
  root: here('.'),
  plugins: [vue()],
  resolve: {
    alias: [
      { find: /^@ioc\/domain\/browser$/, replacement: domainBrowser },
      { find: /^@\/(.*)$/, replacement: here('src/$1') },
    ],
  },
  build: {
    outDir: here('../../dist/dashboard'),
    emptyOutDir: true,
    // A wall loads once and runs for weeks; one chunk per library keeps the cache useful.
    chunkSizeWarningLimit: 1200,
    // Map files are fetched; as files, not data: URLs, the Content-Security-Policy's
    // `connect-src 'self'` lets them through.
    assetsInlineLimit: (file) => (file.endsWith('.geojson') ? false : undefined),
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: true },
      '/socket.io': { target: api, changeOrigin: true, ws: true },
    },
  },
  test: {
    root: here('.'),
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
