/**
 * Valid requests the other families break in one place: an operation's example path, body and
 * required query, and a small upload of the first documented format.
 */
import type { OperationInfo } from '@identitycall/openapi';
import { text } from '../case.js';
import { formBody, formType, http, JSON_TYPE } from '../build.js';
import { exampleFields, exampleJson, fileFieldOf, pathWith, requiredQuery, takesJson, takesMultipart, type SpecView } from '../spec.js';

/**
 * The request that reaches `op` with `path` and is otherwise valid (its example body, a small
 * upload, its required query), so only the path is wrong.
 */
export function requestFor(
  view: SpecView,
  op: OperationInfo,
  path: string,
  options: { auth?: boolean; headers?: Array<[string, string]> } = {},
) {
  const target = `${path}${requiredQuery(view, op)}`;
  const extra = options.headers ?? [];
  const auth = options.auth ?? true;
  if (takesJson(op)) return http(op.method.toUpperCase(), target, { auth, headers: [JSON_TYPE, ...extra], body: text(exampleJson(op)) });
  if (takesMultipart(op)) {
    const boundary = 'hostileinputs7MA4YWxk';
    const format = view.formats[0]!;
    const fields = Object.entries(exampleFields(op, fileFieldOf(view))).map(([name, value]) => ({ name, content: value }));
    const body = formBody(boundary, [
      ...fields,
      { name: fileFieldOf(view), filename: `call${format.extension}`, contentType: format.mediaTypes[0], content: 'ID3' },
    ]);
    return http(op.method.toUpperCase(), target, { auth, headers: [formType(boundary), ...extra], body: { kind: 'bytes', bytes: body } });
  }
  return http(op.method.toUpperCase(), target, { auth, headers: extra });
}

/** `op`'s documented example request, valid in every part. */
export function exampleRequest(view: SpecView, op: OperationInfo) {
  return requestFor(view, op, pathWith(view, op));
}

/** The operation a liveness check calls: the first GET without path parameters or required query. */
export function aliveOperation(view: SpecView): OperationInfo {
  const op = view.operations.find(
    (o) => o.method === 'get' && !o.path.includes('{') && !o.parameters.some((p) => p.in === 'query' && p.required),
  );
  if (!op) throw new Error('The spec has no GET operation without parameters to check liveness with');
  return op;
}
