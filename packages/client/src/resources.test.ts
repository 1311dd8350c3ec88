/** Every resource method calls the operation it names, with the documented method, path, query and body. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@identitycall/openapi';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BASE, json, recordingFetch, TEST_KEY } from '../test/helpers.js';
import { createIdentityCallClient, type IdentityCallClient } from './index.js';

interface Case {
  name: string;
  call: (c: IdentityCallClient) => Promise<unknown>;
  method: string;
  path: string;
  body?: unknown;
  answer?: Response;
  returns?: unknown;
}

const data = { id: 1 };
const cases: Case[] = [
  { name: 'recordings.list', call: (c) => c.recordings.list({ page: 2, per_page: 50, status: 'completed' }), method: 'GET', path: '/recordings?page=2&per_page=50&status=completed', answer: json({ data: [], meta: { current_page: 2, per_page: 50, total_pages: 2, total_count: 60 } }), returns: { data: [], meta: { current_page: 2, per_page: 50, total_pages: 2, total_count: 60 } } },
  { name: 'recordings.get by public_id', call: (c) => c.recordings.get('018f3a4c-1111-7000-8000-000000000001'), method: 'GET', path: '/recordings/018f3a4c-1111-7000-8000-000000000001' },
  { name: 'recordings.get by legacy id', call: (c) => c.recordings.get(123), method: 'GET', path: '/recordings/123' },
  { name: 'recordings.update', call: (c) => c.recordings.update(123, { display_name: 'Q1 Sales Call - Updated' }), method: 'PATCH', path: '/recordings/123', body: { display_name: 'Q1 Sales Call - Updated' } },
  { name: 'recordings.delete', call: (c) => c.recordings.delete(123), method: 'DELETE', path: '/recordings/123', answer: new Response(null, { status: 204 }), returns: undefined },
  { name: 'recordings.transcription', call: (c) => c.recordings.transcription(123), method: 'GET', path: '/recordings/123/transcription' },
  { name: 'recordings.results', call: (c) => c.recordings.results(123), method: 'GET', path: '/recordings/123/results' },
  { name: 'recordings.summary', call: (c) => c.recordings.summary(123), method: 'GET', path: '/recordings/123/summary' },
  { name: 'projects.list', call: (c) => c.projects.list(), method: 'GET', path: '/projects' },
  { name: 'projects.get', call: (c) => c.projects.get(42), method: 'GET', path: '/projects/42' },
  { name: 'projects.create', call: (c) => c.projects.create({ name: 'Customer Support EN', language: 'en' }), method: 'POST', path: '/projects', body: { name: 'Customer Support EN', language: 'en' } },
  { name: 'projects.update', call: (c) => c.projects.update(42, { retention_days: null }), method: 'PATCH', path: '/projects/42', body: { retention_days: null } },
  { name: 'projects.delete', call: (c) => c.projects.delete(42), method: 'DELETE', path: '/projects/42', answer: new Response(null, { status: 204 }), returns: undefined },
  { name: 'virtualNumbers.list', call: (c) => c.virtualNumbers.list(), method: 'GET', path: '/virtual_numbers' },
  { name: 'virtualNumbers.get', call: (c) => c.virtualNumbers.get(7), method: 'GET', path: '/virtual_numbers/7' },
  { name: 'virtualNumbers.update', call: (c) => c.virtualNumbers.update(7, { routing_strategy: 'round_robin' }), method: 'PATCH', path: '/virtual_numbers/7', body: { routing_strategy: 'round_robin' } },
  { name: 'virtualNumbers.available', call: (c) => c.virtualNumbers.available({ country: 'US', number_type: 'local' }), method: 'GET', path: '/virtual_numbers/available?country=US&number_type=local' },
  { name: 'virtualNumbers.purchase', call: (c) => c.virtualNumbers.purchase({ phone_number: '+15551234567' }), method: 'POST', path: '/virtual_numbers/purchase', body: { phone_number: '+15551234567' } },
  { name: 'virtualNumbers.addOperator', call: (c) => c.virtualNumbers.addOperator(7, { operator_id: 22 }), method: 'POST', path: '/virtual_numbers/7/add_operator', body: { operator_id: 22 } },
  { name: 'virtualNumbers.removeOperator', call: (c) => c.virtualNumbers.removeOperator(7, 22), method: 'DELETE', path: '/virtual_numbers/7/remove_operator?operator_id=22' },
];

describe('resources', () => {
  it.each(cases)('$name → $method $path', async ({ call, method, path, body, answer, returns }) => {
    const { fetch, sent } = recordingFetch(answer ?? json({ data }));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const result = await call(client);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe(method);
    expect(sent[0]!.url).toBe(`${BASE}${path}`);
    if (body !== undefined) expect(JSON.parse(sent[0]!.body!)).toEqual(body);
    expect(result).toEqual(answer ? returns : data);
  });

  it('recordings.upload sends multipart form data with the file and the fields', async () => {
    const { fetch, sent } = recordingFetch(json({ data: { id: 125, status: 'pending', created_at: '2025-01-15T14:22:00Z' } }, 201));
    const client = createIdentityCallClient({ apiKey: TEST_KEY, baseUrl: BASE, fetch });
    const created = await client.recordings.upload({
      file: new Uint8Array([0xff, 0xfb, 0x90, 0x64]),
      filename: 'call-recording.mp3',
      project_id: 42,
      external_id: 'crm-call-abc-123',
      language: 'en',
    });
    expect(created).toMatchObject({ id: 125, status: 'pending' });
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent[0]!.body).toContain('name="file"; filename="call-recording.mp3"');
    expect(sent[0]!.body).toContain('name="project_id"\r\n\r\n42');
    expect(sent[0]!.body).toContain('name="external_id"\r\n\r\ncrm-call-abc-123');
    expect(sent[0]!.body).toContain('name="language"\r\n\r\nen');
  });
});

/** Which resource method calls which operation; every operation of the spec is listed once. */
const methodOf: Record<string, string> = {
  listRecordings: 'recordings.list',
  uploadRecording: 'recordings.upload',
  getRecording: 'recordings.get',
  updateRecording: 'recordings.update',
  deleteRecording: 'recordings.delete',
  getRecordingTranscription: 'recordings.transcription',
  getRecordingResults: 'recordings.results',
  getRecordingSummary: 'recordings.summary',
  listProjects: 'projects.list',
  createProject: 'projects.create',
  getProject: 'projects.get',
  updateProject: 'projects.update',
  deleteProject: 'projects.delete',
  listVirtualNumbers: 'virtual-numbers.list',
  listAvailableVirtualNumbers: 'virtual-numbers.available',
  purchaseVirtualNumber: 'virtual-numbers.purchase',
  getVirtualNumber: 'virtual-numbers.get',
  updateVirtualNumber: 'virtual-numbers.update',
  addVirtualNumberOperator: 'virtual-numbers.addOperator',
  removeVirtualNumberOperator: 'virtual-numbers.removeOperator',
  listOperators: 'operators.list',
  createOperator: 'operators.create',
  getOperator: 'operators.get',
  updateOperator: 'operators.update',
  deleteOperator: 'operators.delete',
};

/** The JSDoc text of each method of the object a resource factory returns, by method name. */
function methodDocs(file: string): Map<string, string> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const docs = new Map<string, string>();
  const visit = (node: ts.Node) => {
    if ((ts.isMethodDeclaration(node) || ts.isPropertyAssignment(node)) && ts.isIdentifier(node.name)) {
      const doc = ts.getJSDocCommentsAndTags(node).find(ts.isJSDoc);
      if (doc) docs.set(node.name.text, ts.getTextOfJSDocComment(doc.comment) ?? '');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return docs;
}

describe('JSDoc of every resource method starts with its operation summary from the spec', () => {
  const spec = loadSpec();
  const operations = Object.values(spec.paths).flatMap((item) =>
    Object.values(item).filter((op): op is { operationId: string; summary: string } => typeof (op as { operationId?: unknown })?.operationId === 'string'),
  );

  it('lists every operation of the spec (25)', () => {
    expect(operations.map((op) => op.operationId).sort()).toEqual(Object.keys(methodOf).sort());
    expect(operations).toHaveLength(25);
  });

  it.each(operations.map((op) => ({ ...op, method: methodOf[op.operationId]! })))('$operationId → $method: "$summary"', ({ summary, method }) => {
    const [resource, name] = method.split('.') as [string, string];
    const doc = methodDocs(fileURLToPath(new URL(`./resources/${resource}.ts`, import.meta.url))).get(name);
    expect(doc).toBeDefined();
    expect(doc!.startsWith(summary)).toBe(true);
  });
});
