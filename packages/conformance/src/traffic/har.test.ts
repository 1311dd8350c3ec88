/**
 * Checking a HAR file: entries read into exchanges (base64 bodies decoded, entries outside the API
 * counted), and every kind of malformed file refused with a usage error that names what is wrong.
 * The `har` subcommand end to end: exit statuses, reports, no stack trace on garbage.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessages, getOperation } from '@identitycall/openapi';
import { doc, runCli } from '../../test/helpers.js';
import { UsageError } from '../errors.js';
import { EXIT_CODES } from '../cli/exit.js';
import { checkHarText } from './har.js';

const API = 'https://api.example.com/api/v1/public';
const KEY = 'idc_harSecretKey0000000000000000000';
const notFound = errorMessages(getOperation(doc, 'getOperator'), 404)[0]!;
const jane = { id: 42, name: 'Jane Doe', phone_number: '+15551234567', email: null, active: true, initials: 'JD', virtual_numbers: [] };

/** A HAR 1.2 entry as browsers write it. */
function entry(over: { url?: string; method?: string; status?: number; body?: unknown; base64?: boolean; postData?: unknown }) {
  const text = JSON.stringify(over.body ?? { data: jane });
  return {
    startedDateTime: '2026-12-01T10:00:00.000Z',
    time: 12.5,
    request: {
      method: over.method ?? 'GET',
      url: over.url ?? `${API}/operators/42`,
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Authorization', value: `Bearer ${KEY}` }],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(over.postData !== undefined && { postData: over.postData }),
    },
    response: {
      status: over.status ?? 200,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json; charset=utf-8' }],
      cookies: [],
      content: {
        size: text.length,
        mimeType: 'application/json; charset=utf-8',
        text: over.base64 ? Buffer.from(text).toString('base64') : text,
        ...(over.base64 && { encoding: 'base64' }),
      },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 2.5 },
  };
}

const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } });

describe('checking a HAR file', () => {
  it('checks the API entries, decodes base64 bodies and counts the others', () => {
    const result = checkHarText(
      har([
        entry({ base64: true }),
        entry({ url: 'https://cdn.example.com/app.js' }),
        entry({ url: `${API}/operators/7`, status: 404, body: { error: 'Not found' } }),
        entry({ url: `${API}/operators/8`, status: 404, body: { error: notFound }, base64: true }),
      ]),
    );
    expect(result.stats).toMatchObject({ exchanges: 4, checked: 3, outsideBasePath: 1, violating: 1 });
    expect(result.violations.map((v) => [v.operationId, v.check])).toEqual([['getOperator', 'error_envelope']]);
    expect(result.report.outcome).toBe('failed');
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('checks a JSON request body recorded in postData', () => {
    const result = checkHarText(
      har([
        entry({ method: 'POST', url: `${API}/operators`, status: 201, postData: { mimeType: 'application/json', text: '{"name":7}' } }),
      ]),
    );
    expect(result.violations.map((v) => v.check)).toEqual(expect.arrayContaining(['request_conformance', 'negative_data_rejection']));
  });

  it('fails an entry that got no answer, and does not pass the schema of a body the recorder left out', () => {
    const noAnswer = entry({});
    noAnswer.response.status = 0;
    const noBody = entry({});
    const { text: _left, ...content } = noBody.response.content;
    const result = checkHarText(har([noAnswer, { ...noBody, response: { ...noBody.response, content } }]));
    expect(result.violations.map((v) => v.check)).toEqual(['not_a_server_error']);
    expect(result.stats).toMatchObject({ checked: 2, partial: 1 });
    expect(result.report.checks.find((c) => c.name === 'response_schema_conformance')).toMatchObject({ passed: 0, failed: 0 });
  });

  it('is INCOMPLETE when no entry is a request to the API', () => {
    const result = checkHarText(har([entry({ url: 'https://example.com/' })]));
    expect(result.report.outcome).toBe('incomplete');
    expect(result.stats).toMatchObject({ exchanges: 1, checked: 0 });
  });

  it.each([
    { name: 'not JSON', text: '<html>', says: 'it is not JSON' },
    { name: 'no log', text: '{"entries": []}', says: '"log" is missing' },
    { name: 'entries not a list', text: '{"log": {"entries": {}}}', says: '"log.entries" is missing or not a list' },
    { name: 'an entry without a request', text: har([{ response: {} }]), says: 'log.entries[0].request must be an object' },
    { name: 'a relative URL', text: har([entry({ url: '/operators' })]), says: 'log.entries[0].request.url is not an absolute URL' },
    {
      name: 'a status that is not a number',
      text: har([{ ...entry({}), response: { ...entry({}).response, status: '200' } }]),
      says: 'log.entries[0].response.status must be a whole number',
    },
    {
      name: 'headers that are not a list',
      text: har([{ ...entry({}), request: { ...entry({}).request, headers: { a: 'b' } } }]),
      says: 'log.entries[0].request.headers must be a list',
    },
    {
      name: 'an unknown content encoding',
      text: har([{ ...entry({}), response: { ...entry({}).response, content: { size: 1, text: 'x', encoding: 'rot13' } } }]),
      says: 'log.entries[0].response.content.encoding "rot13" is not supported',
    },
    { name: 'a top-level array', text: '[]', says: 'the top level must be an object' },
  ])('refuses $name with a usage error that says so', ({ text, says }) => {
    let error: unknown;
    try {
      checkHarText(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(says);
  });
});

describe('identitycall-conformance har', () => {
  it('exits 1 on a violation and writes reports without the key; 0 on a clean file; 3 on nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'har-'));
    await writeFile(join(dir, 'bad.har'), har([entry({}), entry({ status: 404, body: { error: 'Not found' } })]));
    await writeFile(join(dir, 'good.har'), har([entry({})]));
    await writeFile(join(dir, 'none.har'), har([entry({ url: 'https://example.com/' })]));
    const bad = await runCli([
      'har',
      join(dir, 'bad.har'),
      '--json',
      join(dir, 'r/out.json'),
      '--junit',
      join(dir, 'r/out.xml'),
      '--html',
      join(dir, 'r/out.html'),
    ]);
    expect(bad.stderr).toBe('');
    expect(bad.code).toBe(EXIT_CODES.failed);
    expect(bad.stdout).toMatch(/^FAIL #2 getOperator \[error_envelope\] GET \/operators\/42 → 404: message "Not found"/m);
    const json = await readFile(join(dir, 'r/out.json'), 'utf8');
    const xml = await readFile(join(dir, 'r/out.xml'), 'utf8');
    expect(JSON.parse(json)).toMatchObject({ outcome: 'failed', traffic: { exchanges: 2, checked: 2 } });
    expect(xml).toContain('<testsuite name="traffic"');
    const html = await readFile(join(dir, 'r/out.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('getOperator');
    expect(html).toContain('error_envelope');
    for (const text of [bad.stdout, json, xml, html]) expect(text).not.toContain(KEY);

    const good = await runCli(['har', join(dir, 'good.har')]);
    expect(good.code).toBe(EXIT_CODES.passed);
    expect(good.stdout).toContain('PASSED — every one of the 1 exchange(s) checked conformed');
    const none = await runCli(['har', join(dir, 'none.har')]);
    expect(none.code).toBe(EXIT_CODES.incomplete);
    expect(none.stdout).toContain('NOTHING CHECKED');
  });

  it('exits 2 with the reason, never a stack trace, for a file that is not HAR or cannot be read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'har-'));
    await writeFile(join(dir, 'garbage.har'), Buffer.from([0xff, 0xfe, 0x00, 0x42, 0x13]));
    for (const [args, says] of [
      [['har', join(dir, 'garbage.har')], 'not a HAR 1.2 file: it is not JSON'],
      [['har', join(dir, 'missing.har')], 'cannot read'],
      [['har'], 'har needs exactly one file'],
    ] as const) {
      const result = await runCli([...args]);
      expect(result.code).toBe(EXIT_CODES.usage);
      expect(result.stderr).toContain(says);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
