/**
 * Whether the CLI colours its output: `FORCE_COLOR` (any value but `0`/`false`) turns colour on and
 * wins, as in Node itself; otherwise `NO_COLOR` (any non-empty value) or `TERM=dumb` turn it off;
 * otherwise a terminal gets colour and a pipe or file does not.
 * @see https://no-color.org/
 * @see https://nodejs.org/api/cli.html#force_color1-2-3
 */

/** Whether to colour text written to `stream`. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** SGR styles the CLI uses. */
const STYLES = { bold: [1, 22], dim: [2, 22], cyan: [36, 39], red: [31, 39] } as const;

/** A styler: `style('cyan', text)` wraps `text` in the escape codes when `enabled`. */
export function styler(enabled: boolean): (name: keyof typeof STYLES, text: string) => string {
  return (name, text) => (enabled ? `\u001b[${STYLES[name][0]}m${text}\u001b[${STYLES[name][1]}m` : text);
}
