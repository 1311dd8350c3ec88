/** The CLI's flags, help text and colour decision, without starting anything. */
import { describe, expect, it } from 'vitest';
import { FLAGS, HELP, parseCli } from './cli-args.js';
import { colorEnabled, styler } from './color.js';

describe('parseCli', () => {
  it.each([
    { argv: [], parsed: { help: false, host: FLAGS.host.default, port: Number(FLAGS.port.default) } },
    { argv: ['--port', '4010', '--port', '5000'], parsed: { help: false, host: FLAGS.host.default, port: 5000 } },
    { argv: ['--host', '0.0.0.0', '--port=0'], parsed: { help: false, host: '0.0.0.0', port: 0 } },
    { argv: ['--port', '4010', '--help'], parsed: { help: true } },
  ])('reads $argv', ({ argv, parsed }) => {
    expect(parseCli(argv)).toEqual(parsed);
  });

  it.each([
    { argv: ['--port', 'abc'], error: '--port must be an integer from 0 to 65535, got abc' },
    { argv: ['--port', '65536'], error: '--port must be an integer from 0 to 65535, got 65536' },
    { argv: ['--port', '1e3'], error: '--port must be an integer from 0 to 65535, got 1e3' },
    { argv: ['--verbose'], error: expect.stringMatching(/Unknown option '--verbose'/) },
    { argv: ['serve'], error: expect.stringMatching(/Unexpected argument 'serve'/) },
  ])('refuses $argv', ({ argv, error }) => {
    expect(parseCli(argv)).toEqual({ error });
  });
});

describe('HELP', () => {
  it.each(Object.keys(FLAGS))('lists --%s', (name) => {
    expect(HELP).toMatch(new RegExp(`^  --${name}\\b`, 'm'));
  });

  it('names the colour variables and how to choose a port from the repository root', () => {
    expect(HELP).toMatch(/NO_COLOR/);
    expect(HELP).toMatch(/FORCE_COLOR/);
    expect(HELP).toContain('pnpm mock -- --port 5000');
  });
});

describe('colorEnabled', () => {
  it.each([
    { env: {}, tty: true, on: true },
    { env: {}, tty: false, on: false },
    { env: { NO_COLOR: '1' }, tty: true, on: false },
    { env: { NO_COLOR: '' }, tty: true, on: true },
    { env: { TERM: 'dumb' }, tty: true, on: false },
    { env: { FORCE_COLOR: '1' }, tty: false, on: true },
    { env: { FORCE_COLOR: '' }, tty: false, on: true },
    { env: { FORCE_COLOR: '0' }, tty: true, on: false },
    { env: { FORCE_COLOR: 'false' }, tty: true, on: false },
    { env: { FORCE_COLOR: '1', NO_COLOR: '1' }, tty: false, on: true },
  ])('is $on for $env on a tty=$tty', ({ env, tty, on }) => {
    expect(colorEnabled({ isTTY: tty }, env)).toBe(on);
  });

  it('styles only when enabled', () => {
    expect(styler(true)('cyan', 'x')).toBe('\u001b[36mx\u001b[39m');
    expect(styler(false)('cyan', 'x')).toBe('x');
  });
});
