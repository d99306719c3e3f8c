// vite.config.js: builds web/src into ../build/web, which the daemon embeds (see web.mk
// and the bc_web rule in the Makefile). Everything the page needs is bundled: no CDN,
// no fonts or scripts from anywhere but the daemon.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import basemap from './basemap.js';

export default defineConfig({
  root: fileURLToPath(new URL('./src', import.meta.url)),
  base: '/',
  publicDir: false,
  clearScreen: false,
  plugins: [basemap()],
  build: {
    outDir: fileURLToPath(new URL('../build/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // every asset is a file under /assets (no data: URLs), so a strict CSP would work
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2020',
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        // bordercoopd serves "<name>-<8+ chars of [A-Za-z0-9_]>.<ext>" as immutable:
        // base36 hashes never contain the '-' that the default base64url ones may
        hashCharacters: 'base36',
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        manualChunks: { chart: ['chart.js'] },
      },
    },
  },
});
