/**
 * Runs publint on a packed tarball: the `exports`, `main`, `types` and `files` of what would be
 * published. Errors and warnings fail the check; suggestions are listed but pass.
 * @see https://publint.dev/docs/javascript-api
 */
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { fail, pass, type CheckResult } from './check-result.js';

/** Lints the tarball `data` with publint. */
export async function runPublint(data: Uint8Array): Promise<CheckResult> {
  const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion' });
  const lines = messages.map((m) => `publint ${m.type} ${m.code}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
  const errors = messages.filter((m) => m.type === 'error').length;
  const warnings = messages.filter((m) => m.type === 'warning').length;
  const suggestions = messages.length - errors - warnings;
  if (errors || warnings) return fail(`${errors} error(s), ${warnings} warning(s)`, lines);
  return pass(suggestions ? `ok (${suggestions} suggestion${suggestions === 1 ? '' : 's'})` : 'ok', lines);
}
