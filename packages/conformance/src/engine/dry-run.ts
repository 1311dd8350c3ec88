/**
 * The dry-run responder: answers every request in-process with the first documented success of its
 * operation and that response's first example, so a dry run walks the same cases and flows as a
 * real one (ids come from the spec's examples) while nothing leaves the machine.
 */
import { responseMessage, type OpenAPIDocument, type SpecValidator } from '@identitycall/openapi';
import { matchOperation, pathBelow } from './exchange.js';

/** A responder for the transport's dry-run mode. */
export function exampleResponder(doc: OpenAPIDocument, validator: SpecValidator, baseUrl: string): (request: Request) => Response {
  const basePath = new URL(baseUrl).pathname;
  const notFound = responseMessage(doc, 'NotFound');
  return (request) => {
    const op = matchOperation(validator.operations, request.method, pathBelow(request.url, basePath));
    const success = op?.responses.find((r) => /^2\d\d$/.test(r.status));
    if (!op || !success) return Response.json({ error: notFound }, { status: 404 });
    const status = Number(success.status);
    const example = success.content[0]?.examples[0]?.value;
    if (status === 204 || example === undefined) return new Response(null, { status });
    return Response.json(example, { status });
  };
}
