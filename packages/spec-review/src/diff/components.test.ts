/**
 * Component rules from small spec pairs: the generated types name every component, so a removed or
 * renamed one breaks code even when no operation changes.
 */
import { describe, expect, it } from 'vitest';
import { diffDocs, specOf } from '../testing/helpers.js';

const components = (schemas: Record<string, unknown>, responses: Record<string, unknown> = {}) =>
  specOf({ components: { schemas, responses } });
const operator = { type: 'object', properties: { id: { type: 'integer' } } };

describe('component rules', () => {
  it.each([
    {
      name: 'schema removed',
      base: components({ Operator: operator, Old: { type: 'string' } }),
      head: components({ Operator: operator }),
      rule: 'component-removed',
      severity: 'breaking',
    },
    {
      name: 'schema renamed',
      base: components({ Operator: operator }),
      head: components({ Agent: operator }),
      rule: 'component-renamed',
      severity: 'breaking',
    },
    {
      name: 'schema added',
      base: components({}),
      head: components({ Operator: operator }),
      rule: 'component-added',
      severity: 'non-breaking',
    },
    {
      name: 'shared response removed',
      base: components({}, { NotFound: { description: 'x' } }),
      head: components({}),
      rule: 'component-removed',
      severity: 'breaking',
    },
  ])('$name is $severity', ({ base, head, rule, severity }) => {
    const diff = diffDocs(base, head);
    expect(diff.changes.map((c) => ({ rule: c.rule, severity: c.severity }))).toEqual([{ rule, severity }]);
  });

  it('explains the rename in terms of the generated type', () => {
    const [c] = diffDocs(components({ Operator: operator }), components({ Agent: operator })).changes;
    expect(c).toMatchObject({ where: 'components.schemas', family: 'components' });
    expect(c!.message).toBe(
      'Schema `Operator` renamed to `Agent`; the generated type named `Operator` disappears, so code that names it stops compiling.',
    );
  });

  it('lists the schemas added in one line', () => {
    const diff = diffDocs(components({}), components({ A: operator, B: { type: 'string' } }));
    expect(diff.changes.map((c) => c.message)).toEqual(['Schemas added: `A`, `B`.']);
  });

  it('does not call a changed schema under a new name a rename', () => {
    const diff = diffDocs(components({ Operator: operator }), components({ Agent: { type: 'object' } }));
    expect(diff.changes.map((c) => c.rule)).toEqual(['component-removed', 'component-added']);
  });
});
