/**
 * Security and permission rules from small spec pairs.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, rulesOf, specOf } from '../testing/helpers.js';
import type { Node } from './types.js';

const schemes = {
  securitySchemes: {
    bearerAuth: { type: 'http', scheme: 'bearer' },
    apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
    oauth: { type: 'oauth2', flows: {} },
  },
};
const doc = (op: Node, components: Node = schemes, extra: Node = {}) =>
  specOf({ paths: { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'OK' } }, ...op } } }, components, extra });

const cases = [
  {
    name: 'authentication now required',
    base: doc({}),
    head: doc({ security: [{ bearerAuth: [] }] }),
    rule: 'authentication-required',
    severity: 'breaking',
  },
  {
    name: 'authentication no longer required',
    base: doc({ security: [{ bearerAuth: [] }] }),
    head: doc({ security: [] }),
    rule: 'authentication-optional',
    severity: 'non-breaking',
  },
  {
    name: 'a way to authenticate dropped',
    base: doc({ security: [{ bearerAuth: [] }, { apiKey: [] }] }),
    head: doc({ security: [{ bearerAuth: [] }] }),
    rule: 'security-alternative-removed',
    severity: 'breaking',
  },
  {
    name: 'a way to authenticate added',
    base: doc({ security: [{ bearerAuth: [] }] }),
    head: doc({ security: [{ bearerAuth: [] }, { apiKey: [] }] }),
    rule: 'security-alternative-added',
    severity: 'non-breaking',
  },
  {
    name: 'scope added',
    base: doc({ security: [{ oauth: ['read'] }] }),
    head: doc({ security: [{ oauth: ['read', 'write'] }] }),
    rule: 'security-scopes-added',
    severity: 'breaking',
  },
  {
    name: 'scheme redefined',
    base: doc({ security: [{ apiKey: [] }] }),
    head: doc({ security: [{ apiKey: [] }] }, { securitySchemes: { apiKey: { type: 'apiKey', in: 'query', name: 'key' } } }),
    rule: 'security-scheme-changed',
    severity: 'breaking',
  },
  {
    name: 'permission changed',
    base: doc({ 'x-permission': 'read' }),
    head: doc({ 'x-permission': 'write' }),
    rule: 'permission-changed',
    severity: 'breaking',
  },
  {
    name: 'permission introduced',
    base: doc({}),
    head: doc({ 'x-permission': 'delete' }),
    rule: 'permission-changed',
    severity: 'breaking',
  },
  {
    name: 'permission dropped',
    base: doc({ 'x-permission': 'write' }),
    head: doc({}),
    rule: 'permission-removed',
    severity: 'non-breaking',
  },
];

describe('security rules', () => {
  it.each(cases)('$name', ({ base, head, rule, severity }) => {
    expect(rulesOf(diffDocs(base, head))).toEqual([{ rule, severity }]);
  });

  it('uses the document-level security when an operation has none', () => {
    const global = (security: Node[]) => doc({}, schemes, { security });
    expect(rulesOf(diffDocs(global([]), global([{ bearerAuth: [] }])))).toEqual([
      { rule: 'authentication-required', severity: 'breaking' },
    ]);
  });

  it('explains a permission change in terms of API keys', () => {
    const [c] = diffDocs(doc({ 'x-permission': 'write' }), doc({ 'x-permission': 'delete' })).changes;
    expect(c!.message).toBe('The operation now needs the `delete` permission instead of `write`; keys that hold only `write` are refused.');
  });

  it('reports a reworded scheme description as documentation only', () => {
    const described = (description: string) =>
      doc({ security: [{ bearerAuth: [] }] }, { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description } } });
    const diff = diffDocs(described('old'), described('new'));
    expect(diff.changes.map((c) => [c.family, c.rule])).toEqual([['documentation', 'security-scheme-description-changed']]);
  });

  it('reports an extension added to a scheme as documentation only', () => {
    const scheme = (extra: Record<string, unknown>) =>
      doc({ security: [{ bearerAuth: [] }] }, { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', ...extra } } });
    const diff = diffDocs(scheme({}), scheme({ 'x-permissions': { read: 'ReadPermissionRequired' } }));
    expect(diff.changes.map((c) => [c.family, c.rule])).toEqual([['documentation', 'security-scheme-description-changed']]);
  });
});
