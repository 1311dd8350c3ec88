/**
 * JSON bodies: malformed JSON (400, a message about JSON), bodies over the spec's limit (413 with
 * `PayloadTooLarge`'s message, also when declared by `Content-Length` or sent chunked), a body
 * exactly at the limit (anything but 413), non-object JSON, deep nesting, invalid UTF-8 and a
 * prototype-pollution attempt — for every operation that takes JSON.
 * @see ../../../../spec/DECISIONS.md (B18, B21)
 */
import type { OperationInfo } from '@identitycall/openapi';
import { bytes, generated, text, type HostileCase } from '../case.js';
import { http, JSON_TYPE } from '../build.js';
import { pathWith, requiredQuery, takesJson, type SpecView } from '../spec.js';

/** Ways to break JSON; the first is used on every operation, all on the first one. */
const MALFORMED = [
  { id: 'truncated', raw: '{"name": ' },
  { id: 'trailing-comma', raw: '{"name": "Jane",}' },
  { id: 'single-quotes', raw: "{'name': 'Jane'}" },
  { id: 'unquoted-key', raw: '{name: "Jane"}' },
  { id: 'nan', raw: '{"active": NaN}' },
  { id: 'two-values', raw: '{} {}' },
  { id: 'lone-surrogate-escape-garbage', raw: '{"name": "\\uZZZZ"}' },
];

const NON_OBJECTS = [
  { id: 'array', raw: '[]' },
  { id: 'string', raw: '"hello"' },
  { id: 'number', raw: '42' },
  { id: 'null', raw: 'null' },
  { id: 'true', raw: 'true' },
];

/** A JSON object of exactly `size` bytes: `{"name":"aaa…"}`. */
function paddedObject(size: number) {
  return generated('{"name":"', 'a', '"}', size);
}

function opCases(view: SpecView, op: OperationInfo, first: boolean): HostileCase[] {
  const path = `${pathWith(view, op)}${requiredQuery(view, op)}`;
  const base = { family: 'json' as const, operationId: op.operationId };
  const id = (name: string) => `json.${name}/${op.operationId}`;
  const send = (body: ReturnType<typeof text>, extra: Partial<Parameters<typeof http>[2]> = {}) =>
    http(op.method.toUpperCase(), path, { headers: [JSON_TYPE], body, ...extra });
  const cases: HostileCase[] = [];

  for (const m of first ? MALFORMED : MALFORMED.slice(0, 1)) {
    cases.push({
      ...base,
      id: `${id('malformed')}/${m.id}`,
      title: `${op.operationId}: malformed JSON (${m.id}) is 400 with a message about JSON`,
      send: send(text(m.raw)),
      expect: { statuses: [400], envelope: true, messagePattern: 'JSON' },
    });
  }
  cases.push({
    ...base,
    id: id('not-utf8'),
    title: `${op.operationId}: a JSON body that is not UTF-8 is refused, not silently altered`,
    send: send(bytes(new Uint8Array([...Buffer.from('{"name":"'), 0xff, 0xfe, ...Buffer.from('"}')]))),
    expect: { statuses: [400, 422], envelope: true },
  });
  cases.push({
    ...base,
    id: id('over-limit'),
    title: `${op.operationId}: a body of the limit + 1 bytes (${view.jsonLimit + 1}) is 413 with the documented message`,
    send: send(paddedObject(view.jsonLimit + 1)),
    expect: { statuses: [413], envelope: true, messages: [view.payloadTooLarge] },
  });
  for (const m of first ? NON_OBJECTS : []) {
    cases.push({
      ...base,
      id: `${id('not-an-object')}/${m.id}`,
      title: `${op.operationId}: a JSON ${m.id} instead of an object is 400 or 422`,
      send: send(text(m.raw)),
      expect: { statuses: [400, 422], envelope: true },
    });
  }
  if (first) {
    cases.push(
      {
        ...base,
        id: id('at-limit'),
        title: `${op.operationId}: a body of exactly the limit (${view.jsonLimit} bytes) is not refused as too large`,
        send: send(paddedObject(view.jsonLimit)),
        expect: { forbidden: [413], envelope: true },
      },
      {
        ...base,
        id: id('huge-declared'),
        title: `${op.operationId}: a body 32 times the limit is 413 without the server reading it all`,
        send: send(paddedObject(view.jsonLimit * 32)),
        expect: { statuses: [413], envelope: true, messages: [view.payloadTooLarge] },
      },
      {
        ...base,
        id: id('huge-chunked'),
        title: `${op.operationId}: a chunked body 8 times the limit (no Content-Length) is 413`,
        send: send(paddedObject(view.jsonLimit * 8), { framing: 'chunked' }),
        expect: { statuses: [413], envelope: true, messages: [view.payloadTooLarge] },
      },
      {
        ...base,
        id: id('deep-nesting'),
        title: `${op.operationId}: 100 000 nested arrays are refused without a stack overflow`,
        send: send(text(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
        expect: { statuses: [400, 413, 422], envelope: true },
      },
      {
        ...base,
        id: id('deep-nesting-inside'),
        title: `${op.operationId}: a property nested 50 000 deep is refused or ignored, never a crash`,
        send: send(text(`{"name":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`)),
        expect: { envelope: true },
      },
      {
        ...base,
        id: id('proto'),
        title: `${op.operationId}: __proto__ and constructor keys are data, not a way into the server`,
        send: send(text('{"__proto__": {"admin": true}, "constructor": {"prototype": {"admin": true}}}')),
        expect: { envelope: true },
      },
      {
        ...base,
        id: id('empty-with-type'),
        title: `${op.operationId}: an empty body declared as JSON is refused or treated as no body`,
        send: send(text('')),
        expect: { envelope: true },
      },
    );
  }
  return cases;
}

/** The JSON cases of every operation that takes a JSON body. */
export function jsonCases(view: SpecView): HostileCase[] {
  return view.operations.filter(takesJson).flatMap((op, i) => opCases(view, op, i === 0));
}
