/** Seeds: the packaged docs data, a seed of your own with defaults filled in, and refused seeds. */
import { describe, expect, it } from 'vitest';
import { loadSeedFile, normaliseSeed, startSandbox } from '../src/index.js';
import { Api } from './helpers.js';

const KEY = 'idc_teamSeedKey000000000000000000000';

describe('seeds', () => {
  it('packages the docs example data', () => {
    const seed = loadSeedFile();
    expect(seed.operators.find((o) => o.id === 42)).toMatchObject({ name: 'Jane Doe', phone_number: '+15551234567' });
    expect(seed.projects.find((p) => p.id === 42)?.name).toBe('Customer Support EN');
    expect(seed.virtual_numbers.find((n) => n.id === 7)?.name).toBe('US Sales Line');
    expect(seed.recordings.map((r) => r.id)).toEqual([123, 124, 125, 126]);
  });

  it('serves a minimal seed of your own, defaults filled in', async () => {
    const sb = await startSandbox({
      port: 0,
      seed: {
        keys: [{ key: KEY, permissions: ['read', 'write'] }],
        projects: [{ id: 1, name: 'Only', language: 'en' }],
        operators: [{ id: 5, name: 'Solo Agent', phone_number: '+15555550100', project_ids: [1] }],
      },
    });
    try {
      const api = new Api(sb, KEY);
      expect((await api.get('/operators')).body.data).toEqual([
        { id: 5, name: 'Solo Agent', phone_number: '+15555550100', email: null, active: true, initials: 'SA', virtual_numbers_count: 0 },
      ]);
      expect((await api.get('/projects/1')).body.data).toMatchObject({ goal_language: 'en', retention_days: null });
      expect((await api.post('/operators', { name: 'Next', phone_number: '+15555550101' })).body.data.id).toBe(6);
      expect((await api.get('/virtual_numbers')).body.data).toEqual([]);
    } finally {
      await sb.stop();
    }
  });

  it.each([
    { name: 'a key in the wrong format', seed: { keys: [{ key: 'sk_live_123' }] }, message: /idc_ followed by 32/ },
    { name: 'an unknown permission', seed: { keys: [{ key: KEY, permissions: ['admin'] }] }, message: /unknown permission/ },
    {
      name: 'a duplicate id',
      seed: {
        projects: [
          { id: 1, name: 'A' },
          { id: 1, name: 'B' },
        ],
      },
      message: /duplicate project id 1/,
    },
  ])('refuses $name', ({ seed, message }) => {
    expect(() => normaliseSeed(seed as never)).toThrow(message);
  });
});
