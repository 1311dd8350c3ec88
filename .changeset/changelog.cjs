/**
 * Changelog lines written for the people who use the packages: the changeset's own prose (no
 * commit hashes, which mean nothing to them), and one plain sentence when a package is released
 * only because a package it depends on was.
 * @see https://github.com/changesets/changesets/blob/main/docs/modifying-changelog-format.md
 */

/** One changeset's summary as a list item; later paragraphs stay indented under it. */
async function getReleaseLine(changeset) {
  const [first, ...rest] = changeset.summary
    .trim()
    .split('\n')
    .map((line) => line.trimEnd());
  return [`- ${first}`, ...rest.map((line) => (line ? `  ${line}` : ''))].join('\n');
}

/** One sentence naming the new versions of the workspace packages this release depends on. */
async function getDependencyReleaseLine(_changesets, dependenciesUpdated) {
  if (dependenciesUpdated.length === 0) return '';
  const list = dependenciesUpdated.map((d) => `\`${d.name}\` ${d.newVersion}`).join(', ');
  return `- Uses ${list}.`;
}

module.exports = { getReleaseLine, getDependencyReleaseLine };
