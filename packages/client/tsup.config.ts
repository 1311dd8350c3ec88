import { defineConfig } from 'tsup';

// ESM + CJS with their own declaration files; openapi-fetch stays a dependency, not bundled in.
// After tsup, scripts/vendor-types.mjs inlines the generated API types into the declarations.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
});
