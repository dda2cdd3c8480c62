import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress';

// The server serves `dist/` under a strict CSP (script-src 'self'): the build must not emit inline
// scripts, which is Vite's default for production builds. Every text file of the build gets a brotli
// and a gzip copy next to it (`build/precompress.ts`), which the server sends in its place. `npm run
// dev` proxies the API so the session cookie stays same-origin.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /node_modules[\\/]@mantine|src[\\/](common|api|format|i18n)[\\/]/,
              minShareCount: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
