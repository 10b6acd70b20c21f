import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const workspaceRoot = resolve(here, '../..');

/** The `@lianqiao/*` aliases, read from tsconfig.base.json so the two never drift apart. */
function workspaceAliases(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([name, [target]]) => [name, resolve(workspaceRoot, target)]),
  );
}

const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  base: '/',
  cacheDir: resolve(workspaceRoot, 'node_modules/.vite/web'),
  plugins: [react()],
  resolve: { alias: workspaceAliases() },
  server: {
    port: 4200,
    host: 'localhost',
    proxy: { '/api': { target: api, changeOrigin: true }, '/c': { target: api, changeOrigin: true } },
  },
  preview: { port: 4300, proxy: { '/api': api, '/c': api } },
  build: {
    outDir: resolve(workspaceRoot, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 900,
  },
});
