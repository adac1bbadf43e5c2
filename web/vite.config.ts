/// <reference types="vitest/config" />
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The SPA is served by the gateway on its own origin (SHENGUAN_WEB_DIST); in `npm run dev`
// Vite proxies /graphql to a running `shenguan serve` (SHENGUAN_GATEWAY_URL).
export default defineConfig({
  plugins: [
    react({
      // Each `graphql(...)` call becomes an import of its own document, instead of every
      // route pulling the generated map of all documents.
      babel: { plugins: [[babelOptimizerPlugin, { artifactDirectory: './src/graphql', gqlTagName: 'graphql' }]] },
    }),
  ],
  // `@/…` is `src/…` (tsconfig.json `paths` says the same to tsc, ESLint and Playwright).
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  // The gateway replaces this placeholder with a fresh nonce in every index.html it serves and
  // names it in the page's Content-Security-Policy (style-src), so Ant Design's CSS-in-JS
  // <style> tags carry it (AppConfig passes it to ConfigProvider) without 'unsafe-inline'.
  html: { cspNonce: 'SG_CSP_NONCE' },
  server: {
    proxy: {
      '/graphql': process.env.SHENGUAN_GATEWAY_URL ?? 'http://127.0.0.1:4000',
    },
  },
  build: {
    // The manifest lets scripts/bundle-size.mjs follow each route's static imports.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // The first render of Ant Design takes seconds on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
