/**
 * `Content-Type`: malformed values (400 or 415), a JSON body without a type or with another one
 * (never a 5xx), a JSON charset other than UTF-8, and multipart types without a usable boundary.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-8.3.1
 * @see https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
 */
import { text, type HostileCase } from '../case.js';
import { formBody, http } from '../build.js';
import { exampleJson, fileFieldOf, pathWith, requiredQuery, takesJson, type SpecView } from '../spec.js';

const MALFORMED_JSON_TYPES = [
  { id: 'two-types', value: 'application/json, multipart/form-data' },
  { id: 'no-subtype', value: 'application/' },
  { id: 'no-type', value: '/json' },
  { id: 'parameter-without-value', value: 'application/json; charset' },
  { id: 'unterminated-quote', value: 'application/json; charset="utf-8' },
  { id: 'space-in-type', value: 'application /json' },
];

/** Every content-type case. */
export function contentTypeCases(view: SpecView): HostileCase[] {
  const cases: HostileCase[] = [];
  view.operations.filter(takesJson).forEach((op, i) => {
    const path = `${pathWith(view, op)}${requiredQuery(view, op)}`;
    const body = text(exampleJson(op));
    const send = (headers: Array<[string, string]>) => http(op.method.toUpperCase(), path, { headers, body });
    for (const t of i === 0 ? MALFORMED_JSON_TYPES : MALFORMED_JSON_TYPES.slice(0, 1)) {
      cases.push({
        id: `content-type.malformed/${op.operationId}/${t.id}`,
        family: 'content-type',
        operationId: op.operationId,
        title: `${op.operationId}: Content-Type "${t.value}" is malformed: 400 or 415`,
        send: send([['Content-Type', t.value]]),
        expect: { statuses: [400, 415], envelope: true },
      });
    }
    if (i > 0) return;
    cases.push(
      {
        id: `content-type.missing/${op.operationId}`,
        family: 'content-type',
        operationId: op.operationId,
        title: `${op.operationId}: a JSON body without Content-Type is refused or read, never a 5xx`,
        send: send([]),
        expect: { envelope: true },
      },
      {
        id: `content-type.text-plain/${op.operationId}`,
        family: 'content-type',
        operationId: op.operationId,
        title: `${op.operationId}: a JSON body sent as text/plain is refused or read, never a 5xx`,
        send: send([['Content-Type', 'text/plain']]),
        expect: { envelope: true },
      },
      {
        id: `content-type.latin1/${op.operationId}`,
        family: 'content-type',
        operationId: op.operationId,
        title: `${op.operationId}: JSON declared as ISO-8859-1 (JSON is UTF-8) is refused or read, never a 5xx`,
        send: send([['Content-Type', 'application/json; charset=iso-8859-1']]),
        expect: { envelope: true },
      },
    );
  });

  const op = view.upload;
  const path = `${pathWith(view, op)}${requiredQuery(view, op)}`;
  const format = view.formats[0]!;
  const body = formBody('b0undary', [
    { name: fileFieldOf(view), filename: `call${format.extension}`, contentType: format.mediaTypes[0], content: 'ID3' },
  ]);
  const multipart = [
    { id: 'no-boundary', value: 'multipart/form-data' },
    { id: 'empty-boundary', value: 'multipart/form-data; boundary=' },
    { id: 'empty-quoted-boundary', value: 'multipart/form-data; boundary=""' },
    { id: 'unterminated-boundary', value: 'multipart/form-data; boundary="b0undary' },
    { id: 'boundary-too-long', value: `multipart/form-data; boundary=${'b'.repeat(71)}` },
    { id: 'two-types', value: 'application/json, multipart/form-data; boundary=b0undary' },
    { id: 'two-boundaries', value: 'multipart/form-data; boundary=b0undary; boundary=other' },
    { id: 'json-type', value: 'application/json' },
  ];
  for (const t of multipart) {
    cases.push({
      id: `content-type.upload/${t.id}`,
      family: 'content-type',
      operationId: op.operationId,
      title: `${op.operationId}: Content-Type "${t.value.slice(0, 60)}" cannot carry this upload: 400, 415 or 422`,
      send: http(op.method.toUpperCase(), path, { headers: [['Content-Type', t.value]], body: { kind: 'bytes', bytes: body } }),
      expect: { statuses: [400, 415, 422], envelope: true },
    });
  }
  return cases;
}
