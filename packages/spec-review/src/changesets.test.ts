/**
 * Reading changesets: front matter, bump types, summaries, and a clear error for each bad file.
 */
import { describe, expect, it } from 'vitest';
import { changesetsReleasing, majorChangesetFor, parseChangeset, readChangesets } from './changesets.js';
import { ChangesetFormatError } from './errors.js';
import { tempDir, writeFiles } from './testing/helpers.js';

describe('parseChangeset', () => {
  it('reads packages, bumps and the summary', () => {
    const cs = parseChangeset(
      '---\n\'@identitycall/openapi\': major\n"@identitycall/client": minor\n---\n\nRemoved `email` from operators.\n',
      '.changeset/a.md',
    );
    expect(cs).toEqual({
      file: '.changeset/a.md',
      releases: [
        { name: '@identitycall/openapi', type: 'major' },
        { name: '@identitycall/client', type: 'minor' },
      ],
      summary: 'Removed `email` from operators.',
    });
  });

  it('accepts an empty changeset (no release, no summary)', () => {
    expect(parseChangeset('---\n---\n', 'e.md')).toEqual({ file: 'e.md', releases: [], summary: '' });
  });

  it.each([
    { name: 'no front matter', text: 'Just text\n', error: 'e.md: no front matter' },
    {
      name: 'an unknown bump',
      text: "---\n'@identitycall/openapi': huge\n---\nText\n",
      error: '"@identitycall/openapi" has bump "huge"; use major, minor, patch or none.',
    },
    { name: 'a list instead of a map', text: '---\n- a\n---\nText\n', error: 'must map package names to bump types' },
    { name: 'no summary', text: "---\n'@identitycall/openapi': patch\n---\n\n", error: 'the summary is empty' },
  ])('rejects $name', ({ text, error }) => {
    expect(() => parseChangeset(text, 'e.md')).toThrow(ChangesetFormatError);
    expect(() => parseChangeset(text, 'e.md')).toThrow(error);
  });
});

describe('reading the .changeset directory', () => {
  it('skips README.md and finds major and releasing changesets for a package', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFiles(dir, {
        '.changeset/README.md': '# Changesets\n',
        '.changeset/config.json': '{}',
        '.changeset/b-minor.md': "---\n'@identitycall/openapi': minor\n---\nAdded a field.\n",
        '.changeset/a-major.md': "---\n'@identitycall/types': patch\n'@identitycall/openapi': major\n---\nRemoved a field.\n",
        '.changeset/c-none.md': "---\n'@identitycall/openapi': none\n---\nTests only.\n",
      });
      const all = readChangesets(dir);
      expect(all.map((c) => c.file)).toEqual(['.changeset/a-major.md', '.changeset/b-minor.md', '.changeset/c-none.md']);
      expect(majorChangesetFor(all)?.file).toBe('.changeset/a-major.md');
      expect(majorChangesetFor(all, '@identitycall/types')).toBeUndefined();
      expect(changesetsReleasing(all).map((c) => c.file)).toEqual(['.changeset/a-major.md', '.changeset/b-minor.md']);
    } finally {
      cleanup();
    }
  });

  it('returns nothing when there is no .changeset directory', () => {
    const { dir, cleanup } = tempDir();
    expect(readChangesets(dir)).toEqual([]);
    cleanup();
  });
});

describe('breaking releases below 1.0.0', () => {
  const minorOnly = [parseChangeset("---\n'@identitycall/openapi': minor\n---\n\nRename a field.\n", '.changeset/minor.md')];
  it.each([
    { version: '0.1.0', expected: '.changeset/minor.md' },
    { version: '0.9.3', expected: '.changeset/minor.md' },
    { version: '1.0.0', expected: undefined },
    { version: '2.4.1', expected: undefined },
    { version: undefined, expected: undefined },
  ])('a minor changeset covers breaking changes at $version: $expected', ({ version, expected }) => {
    expect(majorChangesetFor(minorOnly, '@identitycall/openapi', version)?.file).toBe(expected);
  });
});
