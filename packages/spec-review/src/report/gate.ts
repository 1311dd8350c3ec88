/**
 * The report's verdict on breaking changes: which changeset of this change releases them and with
 * which bump, or — when none does — exactly what to add. Only changesets the change itself added
 * count (`commands/own-changesets.ts`); pending ones from earlier changes are named as not counting.
 * @see https://semver.org/#spec-item-4
 */

/** What the report says about the changeset gate. */
export interface GateStatus {
  /** The package whose breaking changeset covers breaking changes. */
  packageName: string;
  /** The changeset of this change declaring a breaking bump (major; minor below 1.0.0), when there is one. */
  majorChangeset: string | undefined;
  /** True while the package is below 1.0.0, where a minor bump is the breaking release. */
  preOne?: boolean;
  /** The bump of {@link majorChangeset}. */
  bump?: string;
  /** The package's version now, e.g. `0.1.0`. */
  version?: string;
  /** The version the accepted (or suggested) bump gives, e.g. `0.2.0`. */
  nextVersion?: string;
  /** The packages released with it through the changesets `fixed` group. */
  followers?: string[];
  /** The base the change is measured from, e.g. `HEAD~1`. */
  baseRef?: string;
  /** This change's changesets that release the package with a bump that is not breaking. */
  tooSmall?: Array<{ file: string; bump: string }>;
  /** Pending changesets from earlier changes that release the package; they do not count. */
  earlier?: Array<{ file: string; bump: string }>;
  /** This change's changesets that could not be read. */
  problems?: string[];
  /** What to add when the gate fails. */
  suggestion?: { file: string; bump: string; packages: string[] };
}

const code = (s: string) => `\`${s}\``;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** The verdict lines for a diff with `breaking` breaking changes. */
export function gateLines(breaking: number, gate: GateStatus): string[] {
  if (breaking === 0) return ['✅ Nothing breaks existing clients; no major changeset is needed.'];
  const versions = gate.version && gate.nextVersion ? ` (${gate.version} → ${gate.nextVersion})` : '';
  const followers = gate.followers?.length
    ? `; ${list(gate.followers.map(code))} follow${gate.followers.length === 1 ? 's' : ''} it (one fixed group)`
    : '';
  if (gate.majorChangeset) {
    const bump = gate.bump ?? 'major';
    return [
      gate.preOne && bump === 'minor'
        ? `✅ The breaking changes ship as a breaking release: ${code(gate.majorChangeset)}, added in this change, bumps ${code(gate.packageName)} as ${code(bump)}, the breaking release while it is below 1.0.0${versions}${followers}.`
        : `✅ The breaking changes ship as a major release: ${code(gate.majorChangeset)}, added in this change, bumps ${code(gate.packageName)} as ${code(bump)}${versions}${followers}.`,
    ];
  }
  const lines = [
    `❌ **Breaking changes without a breaking changeset in this change.** Either change the spec so existing clients keep working, ` +
      `or release them as a breaking release: the change must add its own changeset that bumps ${code(gate.packageName)} as \`major\`` +
      (gate.preOne ? ' (or `minor`, the breaking release while it is below 1.0.0)' : '') +
      ' and tells users what to change.',
  ];
  const s = gate.suggestion;
  if (s) {
    lines.push(
      '',
      `Add ${code(s.file)} (${code(s.bump)}${gate.version && gate.nextVersion ? `: ${gate.version} → ${gate.nextVersion}` : ''}) to this change:`,
      '',
      '```md',
      '---',
      ...s.packages.map((p) => `'${p}': ${s.bump}`),
      '---',
      '',
      'What breaks for people who use the API, and what they must change.',
      '```',
    );
  }
  const why = [
    ...(gate.problems ?? []).map((p) => `- This change's changeset cannot be read: ${p}`),
    ...(gate.tooSmall ?? []).map(
      (c) => `- ${code(c.file)} in this change bumps ${code(gate.packageName)} as ${code(c.bump)}, which is not a breaking release.`,
    ),
    ...(gate.earlier?.length
      ? [
          `- Changesets already pending at ${gate.baseRef ? code(gate.baseRef) : 'the base'} came with earlier changes and do not count: ` +
            `${gate.earlier.map((c) => `${code(c.file)} (${c.bump})`).join(', ')}.`,
        ]
      : []),
  ];
  if (why.length) lines.push('', ...why);
  return lines;
}
