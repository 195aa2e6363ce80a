/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const backend = process.env.ANTQ_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // installable app: manifest, and a service worker that precaches the app shell so the app
    // opens without a connection and a new version is offered rather than run stale (issue 25)
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'ANTQ — Toàn dân bảo vệ an ninh Tổ quốc',
        short_name: 'ANTQ',
        description: 'Quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#b71c1c',
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/q\//],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // the catalogues are the same for everyone: the last answer serves offline
            urlPattern: ({ url }) => url.pathname.startsWith('/api/catalogues'),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'antq-catalogues',
              networkTimeoutSeconds: 5,
              expiration: { maxEntries: 200 },
            },
          },
          {
            // the user's unit tree, programmes, models and figures periods: an event, a roster
            // member or a draft can be recorded offline from them; dropped at sign-out
            urlPattern: ({ url, request }) =>
              request.method === 'GET' &&
              /^\/api\/(units|programmes|models|indicator-reports)(\/|$)/.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'antq-user-data',
              networkTimeoutSeconds: 6,
              expiration: { maxEntries: 300, maxAgeSeconds: 14 * 24 * 3600 },
            },
          },
        ],
      },
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': backend, '/q': backend },
  },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
