/**
 * Whether the command colours what it prints, decided as Node and most command-line tools do:
 * `--no-color` turns colour off; `FORCE_COLOR` turns it on (off when it is `0` or `false`) and
 * takes precedence over the rest, as in Node; a non-empty `NO_COLOR` or `TERM=dumb` turns it off;
 * otherwise colour is used only when the output is a terminal (a CI log or a file gets none).
 * @see https://no-color.org/
 * @see https://nodejs.org/api/tty.html#writestreamgetcolordepthenv
 */

/** What the decision reads. */
export interface ColorInput {
  /** False when `--no-color` was given. */
  flag: boolean;
  env: Record<string, string | undefined>;
  /** Whether the output is a terminal. */
  isTTY: boolean;
}

/** Whether to colour the output. */
export function useColor({ flag, env, isTTY }: ColorInput): boolean {
  if (!flag) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR.toLowerCase() !== 'false';
  if ((env.NO_COLOR ?? '') !== '' || env.TERM === 'dumb') return false;
  return isTTY;
}
