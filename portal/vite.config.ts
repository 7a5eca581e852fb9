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

// earlyScript puts the early script (src/preload.ts, its own entry) first in index.html, so it
// runs, and sends the first page's query, before the bundle is evaluated.
function earlyScript(): Plugin {
  return {
    name: 'early-script',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'preload');
        if (!chunk || chunk.type !== 'chunk') throw new Error('early-script: no preload chunk in the bundle');
        const tags = [...chunk.imports.map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`), `<script type="module" async crossorigin src="/${chunk.fileName}"></script>`];
        // Vite lists the shared chunk again after the main script: once is enough.
        for (const f of chunk.imports) html = html.replace(new RegExp(`\\s*<link rel="modulepreload" crossorigin href="/${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`), '');
        return html.replace('<script type="module"', `${tags.join('\n  ')}\n  <script type="module"`);
      },
    },
  };
}

export default defineConfig({
  plugins: [relayArtifacts(), react(), earlyScript()],
  resolve: {
    alias: [{ find: /^react-relay$/, replacement: path.resolve(import.meta.dirname, 'react-relay-hooks.js') }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The build is committed and checked for reproducibility: no source maps, stable names.
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: { index: path.resolve(import.meta.dirname, 'index.html'), preload: path.resolve(import.meta.dirname, 'src/preload.ts') },
    },
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
