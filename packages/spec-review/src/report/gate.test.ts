/**
 * The report's gate verdict: the accepted changeset and bump, or exactly what to add and why the
 * changesets present do not count.
 */
import { describe, expect, it } from 'vitest';
import { type GateStatus, gateLines } from './gate.js';

const base: GateStatus = {
  packageName: '@identitycall/openapi',
  majorChangeset: undefined,
  preOne: true,
  bump: 'minor',
  version: '0.1.0',
  nextVersion: '0.2.0',
  followers: ['@identitycall/types', '@identitycall/client'],
  baseRef: 'HEAD~1',
};

describe('gateLines', () => {
  it('needs nothing when nothing breaks', () => {
    expect(gateLines(0, base)).toEqual(['✅ Nothing breaks existing clients; no major changeset is needed.']);
  });

  it('names the accepted file, its bump and the versions; below 1.0.0 a minor bump is the breaking release', () => {
    expect(gateLines(2, { ...base, majorChangeset: '.changeset/x.md' })).toEqual([
      '✅ The breaking changes ship as a breaking release: `.changeset/x.md`, added in this change, bumps `@identitycall/openapi` as `minor`, the breaking release while it is below 1.0.0 (0.1.0 → 0.2.0); `@identitycall/types` and `@identitycall/client` follow it (one fixed group).',
    ]);
    expect(
      gateLines(1, {
        ...base,
        preOne: false,
        version: '1.4.0',
        nextVersion: '2.0.0',
        bump: 'major',
        majorChangeset: '.changeset/x.md',
        followers: [],
      }),
    ).toEqual([
      '✅ The breaking changes ship as a major release: `.changeset/x.md`, added in this change, bumps `@identitycall/openapi` as `major` (1.4.0 → 2.0.0).',
    ]);
  });

  it('says what to add and why the changesets present do not count', () => {
    const text = gateLines(1, {
      ...base,
      suggestion: {
        file: '.changeset/list-operators-breaking.md',
        bump: 'minor',
        packages: ['@identitycall/openapi', '@identitycall/types'],
      },
      tooSmall: [{ file: '.changeset/mine.md', bump: 'patch' }],
      earlier: [{ file: '.changeset/old.md', bump: 'minor' }],
      problems: ['.changeset/bad.md: no front matter'],
    }).join('\n');
    expect(text).toContain('❌ **Breaking changes without a breaking changeset in this change.**');
    expect(text).toContain('(or `minor`, the breaking release while it is below 1.0.0)');
    expect(text).toContain(
      "Add `.changeset/list-operators-breaking.md` (`minor`: 0.1.0 → 0.2.0) to this change:\n\n```md\n---\n'@identitycall/openapi': minor\n'@identitycall/types': minor\n---",
    );
    expect(text).toContain(
      '- `.changeset/mine.md` in this change bumps `@identitycall/openapi` as `patch`, which is not a breaking release.',
    );
    expect(text).toContain(
      '- Changesets already pending at `HEAD~1` came with earlier changes and do not count: `.changeset/old.md` (minor).',
    );
    expect(text).toContain("- This change's changeset cannot be read: .changeset/bad.md: no front matter");
  });
});
