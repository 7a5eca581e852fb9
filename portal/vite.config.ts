import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// relayArtifacts replaces each graphql`...` tag with the artifact relay-compiler generated for
// it, as babel-plugin-relay would, without bringing Babel into the build.
function relayArtifacts(): Plugin {
  const generated = path.resolve(import.meta.dirname, 'src/__generated__');
  const tag = /graphql`\s*(?:query|mutation|subscription|fragment)\s+([A-Za-z0-9_]+)[\s\S]*?`/g;
  return {
    name: 'relay-artifacts',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.tsx?$/.test(id) || id.includes('__generated__') || !code.includes('graphql`')) return null;
      const imports = new Set<string>();
      const out = code.replace(tag, (_m, name: string) => {
        imports.add(`import __relay_${name} from ${JSON.stringify(path.join(generated, `${name}.graphql.ts`))};`);
        return `__relay_${name}`;
      });
      return { code: [...imports].join('\n') + '\n' + out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [relayArtifacts(), react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The build is committed and checked for reproducibility: no source maps, stable names.
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite` serves the sources and passes the API through to a running hardcandy.
    proxy: Object.fromEntries(
      ['/graphql', '/reports', '/healthz'].map((p) => [p, { target: process.env.HARDCANDY_URL ?? 'http://127.0.0.1:8080', ws: p === '/graphql' }]),
    ),
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
