import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves `dist/` under a strict CSP (script-src 'self'): the build must not emit inline
// scripts, which is Vite's default for production builds. `npm run dev` proxies the API so the
// session cookie stays same-origin.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
