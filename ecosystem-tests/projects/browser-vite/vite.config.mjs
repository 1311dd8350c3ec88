import { defineConfig } from 'vite';

// Top-level await in main.js needs an ES2022 target; everything else is Vite's default.
export default defineConfig({
  build: { target: 'es2022' },
  logLevel: 'warn',
});
