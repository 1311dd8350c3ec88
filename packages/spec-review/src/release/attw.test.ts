/**
 * Choosing the attw profile from what a package offers.
 */
import { describe, expect, it } from 'vitest';
import { planAttw } from './attw.js';

describe('planAttw', () => {
  it.each([
    {
      name: 'a dual ESM/CJS package is held to strict',
      manifest: {
        exports: { '.': { import: { types: './a.d.ts', default: './a.js' }, require: { types: './a.d.cts', default: './a.cjs' } } },
      },
      profile: 'strict',
      exclude: [],
    },
    {
      name: 'an ESM-only package gets esm-only',
      manifest: { exports: { '.': { types: './a.d.ts', import: './a.js' } } },
      profile: 'esm-only',
      exclude: [],
    },
    {
      name: 'data-file entry points are excluded, JSON is kept',
      manifest: {
        exports: {
          '.': { types: './a.d.ts', import: './a.js' },
          './openapi.json': './dist/openapi.json',
          './openapi.yaml': './dist/openapi.yaml',
          './package.json': './package.json',
        },
      },
      profile: 'esm-only',
      exclude: ['./openapi.yaml'],
    },
    { name: 'a .cjs main means dual', manifest: { main: './dist/index.cjs' }, profile: 'strict', exclude: [] },
  ])('$name', ({ manifest, profile, exclude }) => {
    const plan = planAttw(manifest);
    expect(plan.profile).toBe(profile);
    expect(plan.excludeEntrypoints).toEqual(exclude);
    expect(plan.reasons.length).toBe(exclude.length ? 2 : 1);
  });
});
