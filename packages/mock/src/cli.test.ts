/**
 * The built CLI, run as a user runs it: the URL it prints (under the base path), a later --port
 * winning over an earlier one (as `pnpm mock --port 5000` produces), no colour with NO_COLOR (and
 * the colour rule itself), --help, and bad flags.
 */
import { connect } from 'node:net';
import { getOperation, loadSpec } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { AUTH, runCli, waitFor } from '../test/helpers.js';
import { FLAGS } from './cli-args.js';
import { colorEnabled } from './color.js';
import { freePort } from './index.js';

const doc = loadSpec();
const base = new URL(doc.servers![0]!.url).pathname;
const operator42 = getOperation(doc, 'getOperator').path.replace('{id}', '42');
const ANSI = /\u001b\[/;

/** Starts the CLI and resolves with the URL it prints; stops it with SIGTERM in `finally`. */
async function withCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  fn: (url: string, output: () => { stdout: string; stderr: string }) => Promise<void>,
) {
  const cli = runCli(args, env);
  try {
    const url = await Promise.race([
      waitFor(
        'the CLI to print its URL',
        () => /listening on (?:\u001b\[[\d;]*m)*(http:\/\/[^\s\u001b]+)/.exec(cli.output().stdout)?.[1],
        180_000,
      ),
      cli.exited.then((code) => {
        throw new Error(`the CLI exited with ${code}: ${JSON.stringify(cli.output())}`);
      }),
    ]);
    await fn(url, cli.output);
  } finally {
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  }
}

describe('identitycall-mock', () => {
  // One Prism start for everything a running CLI shows: it is the slow part of this file.
  it('serves on the last --port given, under the base path and at the root, and prints no colour with NO_COLOR', async () => {
    const [first, last] = [await freePort(), await freePort()];
    await withCli(['--host', '127.0.0.1', '--port', String(first), '--port', String(last)], { NO_COLOR: '1' }, async (url, output) => {
      expect(url).toBe(`http://127.0.0.1:${last}${base}`);
      expect((await fetch(`${url}${operator42}`, { headers: AUTH })).status).toBe(200);
      expect((await fetch(`${new URL(url).origin}${operator42}`, { headers: AUTH })).status).toBe(200);
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect(first, '127.0.0.1');
        socket.once('connect', () => (socket.destroy(), resolve(false)));
        socket.once('error', () => resolve(true));
      });
      expect(refused).toBe(true);
      expect(output().stdout).toContain(`Try: curl -H "Authorization: Bearer `);
      expect(output().stdout).toContain(`${url}${operator42}`);
      expect(output().stdout).not.toMatch(ANSI);
    });
  }, 240_000);

  it.each([
    { env: { FORCE_COLOR: '1' }, tty: false, colour: true },
    { env: { FORCE_COLOR: '0' }, tty: true, colour: false },
    { env: { NO_COLOR: '1' }, tty: true, colour: false },
    { env: { NO_COLOR: '' }, tty: true, colour: true },
    { env: { TERM: 'dumb' }, tty: true, colour: false },
    { env: {}, tty: true, colour: true },
    { env: {}, tty: false, colour: false },
  ])('colours with $env on a terminal: $tty → $colour', ({ env, tty, colour }) => {
    expect(colorEnabled({ isTTY: tty }, env)).toBe(colour);
  });

  it('--help lists every flag and exits 0', async () => {
    const cli = runCli(['--help']);
    expect(await cli.exited).toBe(0);
    for (const name of Object.keys(FLAGS)) expect(cli.output().stdout).toContain(`--${name}`);
  });

  it.each([
    { args: ['--port', 'abc'], message: /--port must be an integer/ },
    { args: ['--no-such-flag'], message: /Unknown option '--no-such-flag'[\s\S]*Usage: identitycall-mock/ },
  ])('refuses $args with exit code 2', async ({ args, message }) => {
    const cli = runCli(args);
    expect(await cli.exited).toBe(2);
    expect(cli.output().stderr).toMatch(message);
  });
});
