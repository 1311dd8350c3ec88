/** The command line: flags and environment to options; every mistake named in a usage error. */
import { describe, expect, it } from 'vitest';
import { parseCli } from './args.js';
import { UsageError } from '../errors.js';
import { resolveOptions } from '../options.js';

const base = ['--base-url', 'https://api.example.test/api/v1/public', '--api-key', 'idc_abc'];

describe('parseCli', () => {
  it('maps every flag to an option', () => {
    const cli = parseCli([
      ...base,
      '--read-only-key',
      'idc_ro',
      '--project-key',
      'idc_pk',
      '--seed',
      '12',
      '--runs',
      '0',
      '--max-requests',
      '500',
      '--rate',
      '2.5',
      '--dry-run',
      '--allow-purchase',
      '--stateful',
      '--timeout',
      '1000',
      '--poll-timeout',
      '0',
      '--family',
      'negative',
      '--family',
      'auth',
      '--tier',
      'contract',
      '--junit',
      'out/a.xml',
      '--json',
      'out/a.json',
      '--quiet',
      '--no-color',
    ]);
    expect(cli.options).toMatchObject({
      readOnlyKey: 'idc_ro',
      projectKey: 'idc_pk',
      seed: 12,
      runs: 0,
      maxRequests: 500,
      rate: 2.5,
      dryRun: true,
      allowPurchase: true,
      stateless: false,
      timeoutMs: 1000,
      pollTimeoutMs: 0,
      families: ['negative', 'auth'],
      tiers: ['contract'],
    });
    expect(cli).toMatchObject({ junit: 'out/a.xml', json: 'out/a.json', quiet: true, color: false });
  });

  it('accepts an incomplete run only when asked (--allow-incomplete)', () => {
    expect(parseCli(base).options.allowIncomplete).toBe(false);
    expect(parseCli([...base, '--allow-incomplete']).options.allowIncomplete).toBe(true);
  });

  it('takes the URL and keys from the environment (CI secrets)', () => {
    const cli = parseCli([], {
      IDENTITYCALL_BASE_URL: 'http://127.0.0.1:4011/api/v1/public',
      IDENTITYCALL_API_KEY: 'idc_env',
      IDENTITYCALL_READ_ONLY_KEY: 'idc_ro',
      IDENTITYCALL_PROJECT_KEY: '',
    });
    expect(cli.options).toMatchObject({
      baseUrl: 'http://127.0.0.1:4011/api/v1/public',
      apiKey: 'idc_env',
      readOnlyKey: 'idc_ro',
      projectKey: undefined,
      stateless: 'auto',
    });
  });

  it.each([
    { name: 'an unknown flag', args: [...base, '--sed', '1'], message: /Unknown option '--sed'/ },
    { name: 'a flag without its value', args: [...base, '--seed'], message: /--seed/ },
    { name: 'a seed that is not a number', args: [...base, '--seed', 'abc'], message: /--seed must be a whole number/ },
    { name: 'a negative budget', args: [...base, '--max-requests', '0'], message: /--max-requests must be a whole number ≥ 1/ },
    { name: 'a zero rate', args: [...base, '--rate', '0'], message: /--rate must be a number > 0/ },
    { name: 'contradicting purchase flags', args: [...base, '--allow-purchase', '--no-purchase'], message: /contradict/ },
    { name: 'contradicting state flags', args: [...base, '--stateless', '--stateful'], message: /contradict/ },
    { name: 'an unknown family', args: [...base, '--family', 'fuzz'], message: /unknown family "fuzz"/ },
    { name: 'an unknown tier', args: [...base, '--tier', 'smoke'], message: /contract or behaviour/ },
    { name: 'a stray argument', args: [...base, 'extra'], message: /unexpected argument "extra"/ },
  ])('refuses $name', ({ args, message }) => {
    expect(() => parseCli(args)).toThrow(UsageError);
    expect(() => parseCli(args)).toThrow(message);
  });
});

describe('resolveOptions', () => {
  it.each([
    { name: 'no base URL', options: { baseUrl: '', apiKey: 'k' }, message: /base URL is required/ },
    { name: 'a base URL that is not a URL', options: { baseUrl: 'api.example.test', apiKey: 'k' }, message: /not a URL/ },
    { name: 'a non-http URL', options: { baseUrl: 'ftp://x', apiKey: 'k' }, message: /must be http\(s\)/ },
    { name: 'no key', options: { baseUrl: 'http://x', apiKey: '' }, message: /API key is required/ },
    { name: 'a key with whitespace', options: { baseUrl: 'http://x', apiKey: 'idc_a b' }, message: /whitespace/ },
    { name: 'the same key as read-only key', options: { baseUrl: 'http://x', apiKey: 'idc_a', readOnlyKey: 'idc_a' }, message: /same key/ },
  ])('refuses $name', ({ options, message }) => {
    expect(() => resolveOptions(options)).toThrow(message);
  });

  it('allows purchases on loopback targets only, unless told otherwise', () => {
    expect(resolveOptions({ baseUrl: 'http://127.0.0.1:4011/api/v1/public', apiKey: 'k' }).allowPurchase).toBe(true);
    expect(resolveOptions({ baseUrl: 'http://localhost:4011', apiKey: 'k' }).allowPurchase).toBe(true);
    expect(resolveOptions({ baseUrl: 'https://api.identitycall.ai/api/v1/public', apiKey: 'k' }).allowPurchase).toBe(false);
    expect(resolveOptions({ baseUrl: 'https://api.identitycall.ai/api/v1/public', apiKey: 'k', allowPurchase: true }).allowPurchase).toBe(
      true,
    );
  });
});
