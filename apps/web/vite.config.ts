/** Vite config: the live app (talks to the runtime's socket.io) and the static replay build. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths, so the static build works from any folder of any static host.
  base: './',
  build: { outDir: 'dist', sourcemap: true },
  server: {
    // `npm run dev -w @sockscope/web` next to a running runtime (npm start).
    proxy: { '/socket.io': { target: 'http://127.0.0.1:8400', ws: true }, '/recordings': 'http://127.0.0.1:8400' },
  },
});
