/**
 * Every operation of the spec is reached through exactly one resource method — the resource of its
 * tag — which sends the documented method and path, and whose JSDoc starts with the operation's
 * summary. Counts and lists come from the spec, never from this file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listOperations, loadSpec, type OperationInfo } from '@identitycall/openapi';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BASE, json, recordingFetch, TEST_KEY } from '../test/helpers.js';
import { createIdentityCallClient, type IdentityCallClient } from './index.js';

const operations = listOperations(loadSpec());
const operation = (id: string): OperationInfo => operations.find((op) => op.operationId === id)!;

interface Case {
  operationId: string;
  /** `resource.method` on the client. */
  method: string;
  call: (c: IdentityCallClient) => Promise<unknown>;
  /** The URL below the base URL, with the query. */
  url: string;
  body?: unknown;
  answer?: Response;
  returns?: unknown;
}

const data = { id: 1 };
const mp3 = new Uint8Array([0xff, 0xfb, 0x90, 0x64]);
const cases: Case[] = [
  {
    operationId: 'listRecordings',
    method: 'recordings.list',
    call: (c) => c.recordings.list({ page: 2, per_page: 50, status: 'completed' }),
    url: '/recordings?page=2&per_page=50&status=completed',
    answer: json({ data: [], meta: { current_page: 2, per_page: 50, total_pages: 2, total_count: 60 } }),
    returns: { data: [], meta: { current_page: 2, per_page: 50, total_pages: 2, total_count: 60 } },
  },
  {
    operationId: 'uploadRecording',
    method: 'recordings.upload',
    call: (c) => c.recordings.upload({ file: mp3, filename: 'a.mp3', project_id: 42 }),
    url: '/recordings',
    answer: json({ data }, 201),
    returns: data,
  },
  {
    operationId: 'getRecording',
    method: 'recordings.get',
    call: (c) => c.recordings.get('018f3a4c-1111-7000-8000-000000000001'),
    url: '/recordings/018f3a4c-1111-7000-8000-000000000001',
  },
  {
    operationId: 'updateRecording',
    method: 'recordings.update',
    call: (c) => c.recordings.update(123, { display_name: 'Q1 Sales Call - Updated' }),
    url: '/recordings/123',
    body: { display_name: 'Q1 Sales Call - Updated' },
  },
  {
    operationId: 'deleteRecording',
    method: 'recordings.delete',
    call: (c) => c.recordings.delete(123),
    url: '/recordings/123',
    answer: new Response(null, { status: 204 }),
    returns: undefined,
  },
  {
    operationId: 'getRecordingTranscription',
    method: 'recordings.transcription',
    call: (c) => c.recordings.transcription(123),
    url: '/recordings/123/transcription',
  },
  {
    operationId: 'getRecordingResults',
    method: 'recordings.results',
    call: (c) => c.recordings.results(123),
    url: '/recordings/123/results',
  },
  {
    operationId: 'getRecordingSummary',
    method: 'recordings.summary',
    call: (c) => c.recordings.summary(123),
    url: '/recordings/123/summary',
  },
  { operationId: 'listProjects', method: 'projects.list', call: (c) => c.projects.list(), url: '/projects' },
  { operationId: 'getProject', method: 'projects.get', call: (c) => c.projects.get(42), url: '/projects/42' },
  {
    operationId: 'createProject',
    method: 'projects.create',
    call: (c) => c.projects.create({ name: 'Customer Support EN', language: 'en' }),
    url: '/projects',
    body: { name: 'Customer Support EN', language: 'en' },
  },
  {
    operationId: 'updateProject',
    method: 'projects.update',
    call: (c) => c.projects.update(42, { retention_days: null }),
    url: '/projects/42',
    body: { retention_days: null },
  },
  {
    operationId: 'deleteProject',
    method: 'projects.delete',
    call: (c) => c.projects.delete(42),
    url: '/projects/42',
    answer: new Response(null, { status: 204 }),
    returns: undefined,
  },
  { operationId: 'listVirtualNumbers', method: 'virtualNumbers.list', call: (c) => c.virtualNumbers.list(), url: '/virtual_numbers' },
  { operationId: 'getVirtualNumber', method: 'virtualNumbers.get', call: (c) => c.virtualNumbers.get(7), url: '/virtual_numbers/7' },
  {
    operationId: 'updateVirtualNumber',
    method: 'virtualNumbers.update',
    call: (c) => c.virtualNumbers.update(7, { routing_strategy: 'round_robin' }),
    url: '/virtual_numbers/7',
    body: { routing_strategy: 'round_robin' },
  },
  {
    operationId: 'listAvailableVirtualNumbers',
    method: 'virtualNumbers.available',
    call: (c) => c.virtualNumbers.available({ country: 'US', number_type: 'local' }),
    url: '/virtual_numbers/available?country=US&number_type=local',
  },
  {
    operationId: 'purchaseVirtualNumber',
    method: 'virtualNumbers.purchase',
    call: (c) => c.virtualNumbers.purchase({ phone_number: '+15551234567' }),
    url: '/virtual_numbers/purchase',
    body: { phone_number: '+15551234567' },
  },
  {
    operationId: 'addVirtualNumberOperator',
    method: 'virtualNumbers.addOperator',
    call: (c) => c.virtualNumbers.addOperator(7, { operator_id: 22 }),
    url: '/virtual_numbers/7/add_operator',
    body: { operator_id: 22 },
  },
  {
    operationId: 'removeVirtualNumberOperator',
    method: 'virtualNumbers.removeOperator',
    call: (c) => c.virtualNumbers.removeOperator(7, 22),
    url: '/virtual_numbers/7/remove_operator?operator_id=22',
  },
  { operationId: 'listOperators', method: 'operators.list', call: (c) => c.operators.list(), url: '/operators' },
  { operationId: 'getOperator', method: 'operators.get', call: (c) => c.operators.get(42), url: '/operators/42' },
  {
    operationId: 'createOperator',
    method: 'operators.create',
    call: (c) => c.operators.create({ name: 'Jane Doe', phone_number: '+15551234567' }),
    url: '/operators',
    body: { name: 'Jane Doe', phone_number: '+15551234567' },
    answer: json({ data }, 201),
    returns: data,
  },
  {
    operationId: 'updateOperator',
    method: 'operators.update',
    call: (c) => c.operators.update(42, { active: false }),
    url: '/operators/42',
    body: { active: false },
  },
  {
    operationId: 'deleteOperator',
    method: 'operators.delete',
    call: (c) => c.operators.delete(42),
    url: '/operators/42',
    answer: json({ success: true }),
    returns: { success: true },
  },
];

/**
 * Resource methods that are not an operation of their own but walk one: the method and the
 * operation it calls.
 */
const walkers: Case[] = [
  {
    operationId: 'listRecordings',
    method: 'recordings.iterate',
    call: async (c) => (await c.recordings.iterate({ per_page: 5 }).next()).value,
    url: '/recordings?per_page=5&page=1',
    answer: json({ data: [data], meta: { current_page: 1, per_page: 5, total_pages: 1, total_count: 1 } }),
    returns: data,
  },
];

/** The client property of a tag's resource: "Virtual Numbers" → `virtualNumbers`. */
const resourceOf = (tag: string) => tag.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toLowerCase());
/** The file of a resource below `src/`: `virtualNumbers` → resources/virtual-numbers.ts. */
const sourceOf = (resource: string) => `resources/${resource.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.ts`;
/** The absolute path of a resource's file. */
const fileOf = (resource: string) => fileURLToPath(new URL(`./${sourceOf(resource)}`, import.meta.url));
/** The path template as a pattern of concrete paths: `/operators/{id}` matches `/operators/42`. */
const templatePattern = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

const client = () => createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch: recordingFetch().fetch });
const tags = [...new Set(operations.map((op) => op.tags[0]!))];

describe('each case sends its operation as the spec documents it', () => {
  it.each([...cases, ...walkers])('$operationId ← client.$method → $url', async ({ operationId, call, url, body, answer, returns }) => {
    const op = operation(operationId);
    const { fetch, sent } = recordingFetch(answer ?? json({ data }));
    const result = await call(createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch }));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe(op.method.toUpperCase());
    expect(sent[0]!.url).toBe(`${BASE}${url}`);
    expect(new URL(sent[0]!.url).pathname.slice(new URL(BASE).pathname.length)).toMatch(templatePattern(op.path));
    if (body !== undefined) expect(JSON.parse(sent[0]!.body!)).toEqual(body);
    expect(result).toEqual(answer ? returns : data);
  });

  it('recordings.upload sends multipart form data with the file and the fields', async () => {
    const { fetch, sent } = recordingFetch(json({ data: { id: 125, status: 'pending', created_at: '2025-01-15T14:22:00Z' } }, 201));
    const created = await createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch }).recordings.upload({
      file: mp3,
      filename: 'call-recording.mp3',
      project_id: 42,
      external_id: 'crm-call-abc-123',
      language: 'en',
    });
    expect(created).toMatchObject({ id: 125, status: 'pending' });
    expect(sent[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]!.body).toContain('name="file"; filename="call-recording.mp3"');
    expect(sent[0]!.body).toContain('name="project_id"\r\n\r\n42');
    expect(sent[0]!.body).toContain('name="external_id"\r\n\r\ncrm-call-abc-123');
    expect(sent[0]!.body).toContain('name="language"\r\n\r\nen');
  });
});

describe('resources and the spec agree', () => {
  it('every operation of the spec has exactly one resource method', () => {
    const rows = cases.map((c) => c.operationId);
    const known = new Set(operations.map((op) => op.operationId));
    const problems = [
      ...operations
        .filter((op) => !rows.includes(op.operationId))
        .map(
          (op) =>
            `${op.operationId} is not in \`cases\`: add a method to packages/client/src/${sourceOf(resourceOf(op.tags[0]!))} and a row to \`cases\` in packages/client/src/resources.test.ts`,
        ),
      ...rows
        .filter((id) => !known.has(id))
        .map((id) => `${id} is not an operation of the spec: remove its row from \`cases\` (or fix the operationId)`),
      ...rows
        .filter((id, i) => rows.indexOf(id) !== i)
        .map((id) => `${id} has more than one row in \`cases\`: each operation is reached through exactly one resource method`),
    ];
    expect(problems).toEqual([]);
    expect(rows.length).toBe(operations.length);
  });

  it.each(cases)('$operationId is reached through the resource of its tag ($method)', ({ operationId, method }) => {
    const [resource, name] = method.split('.') as [string, string];
    expect(resource).toBe(resourceOf(operation(operationId).tags[0]!));
    expect(typeof (client() as unknown as Record<string, Record<string, unknown>>)[resource]![name]).toBe('function');
  });

  it.each(tags.map((tag) => ({ tag, resource: resourceOf(tag) })))(
    'client.$resource has a method for each $tag operation and nothing else',
    ({ tag, resource }) => {
      const methods = Object.keys((client() as unknown as Record<string, Record<string, unknown>>)[resource] ?? {}).sort();
      const expected = [...cases, ...walkers].filter((c) => operation(c.operationId).tags[0] === tag).map((c) => c.method.split('.')[1]!);
      expect(methods).toEqual([...new Set(expected)].sort());
    },
  );

  it('the client has a resource for each tag and no other', () => {
    const resources = Object.entries(client())
      .filter(([, value]) => value && typeof value === 'object' && !('GET' in value))
      .map(([key]) => key);
    expect(resources.sort()).toEqual(tags.map(resourceOf).sort());
  });
});

/** The JSDoc text of each method or property declared in `file`, by name. */
function docs(file: string): Map<string, string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if ((ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertySignature(node)) && ts.isIdentifier(node.name)) {
      const doc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
      if (doc) found.set(node.name.text, ts.getTextOfJSDocComment(doc.comment) ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('JSDoc', () => {
  it.each(cases.map((c) => ({ ...c, summary: operation(c.operationId).summary })))(
    'client.$method starts with the summary of $operationId: "$summary"',
    ({ method, summary }) => {
      const [resource, name] = method.split('.') as [string, string];
      const doc = docs(fileOf(resource)).get(name);
      expect(doc).toBeDefined();
      expect(doc!.startsWith(summary)).toBe(true);
    },
  );
});
