/**
 * The CLI's flags and help text. A flag given twice takes its last value, so `pnpm mock -- --port
 * 5000` (the package script already passes `--port 4010`) serves on 5000.
 */
import { parseArgs } from 'node:util';

/** The parsed command line, or why it is unusable (exit code 2). */
export type CliArgs = { help: true } | { help: false; host: string; port: number } | { error: string };

/** Every flag, for parsing and for `--help`. */
export const FLAGS = {
  host: { type: 'string', default: '127.0.0.1', value: '<address>', about: 'interface to listen on' },
  port: { type: 'string', default: '4010', value: '<number>', about: 'port to listen on, 0 for a free one; the last --port given wins' },
  help: { type: 'boolean', default: false, value: '', about: 'print this help and exit' },
} as const;

/** The `--help` text. */
export const HELP = `Usage: identitycall-mock [options]

Serves the IdentityCall API spec with Prism, behind a guard that answers bad input in the
API's error envelope and restarts Prism if it dies.

Options:
${Object.entries(FLAGS)
  .map(([name, f]) => {
    const left = `  --${name}${f.value ? ` ${f.value}` : ''}`;
    const def = f.type === 'string' ? ` (default: ${f.default})` : '';
    return `${left.padEnd(22)}${f.about}${def}`;
  })
  .join('\n')}

Environment:
  NO_COLOR              no colour in the output
  FORCE_COLOR           colour even when the output is not a terminal (wins over NO_COLOR)

Examples:
  identitycall-mock --port 5000
  pnpm mock -- --port 5000          (from the repository root)`;

/** Parses `argv` (without the node and script paths). */
export function parseCli(argv: readonly string[]): CliArgs {
  let values: { host?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.entries(FLAGS).map(([name, f]) => [name, { type: f.type, default: f.default }])) as never,
      strict: true,
      allowPositionals: false,
    }) as { values: typeof values });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.help) return { help: true };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port ?? '') || !Number.isInteger(port) || port < 0 || port > 65535) {
    return { error: `--port must be an integer from 0 to 65535, got ${values.port}` };
  }
  return { help: false, host: values.host ?? FLAGS.host.default, port };
}
