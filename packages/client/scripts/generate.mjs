#!/usr/bin/env node
/**
 * Generates src/generated/spec.gen.ts: the runtime facts the client takes from the spec (default
 * base URL, spec version, upload formats and size limits, the upload part content types, the
 * documented success bodies), so the client restates none of them by hand. CI fails when
 * `pnpm generate` leaves git changed.
 */
import { fileURLToPath } from 'node:url';
import { generatedHeader, listOperations, loadSpec, resolveRef, runGenerator, uploadFormats } from '@identitycall/openapi';

const doc = loadSpec();
const server = doc.servers?.[0]?.url;
if (!server) throw new Error('The spec declares no server; the client needs servers[0].url as its default base URL.');

const upload = doc.paths['/recordings']?.post;
const media = upload?.requestBody && resolveRef(doc, upload.requestBody).content?.['multipart/form-data'];
if (!media) throw new Error('The spec has no multipart/form-data body for POST /recordings (uploadRecording).');
// Extension (no dot) → largest size in bytes, from the operation's x-upload-formats.
const uploadLimits = Object.fromEntries(uploadFormats(doc).map((f) => [f.extension.replace(/^\./, ''), f.maxBytes]));

const partTypes = media.encoding?.file?.contentType;
if (typeof partTypes !== 'string') throw new Error('POST /recordings declares no encoding.file.contentType.');

/** The top-level fields a response schema requires (its own, and those of every allOf part). */
function requiredFields(schema, where) {
  const resolved = resolveRef(doc, schema);
  if (!resolved || typeof resolved !== 'object') throw new Error(`${where}: the response schema is not an object schema.`);
  const own = Array.isArray(resolved.required) ? resolved.required : [];
  const parts = (resolved.allOf ?? []).flatMap((part, i) => requiredFields(part, `${where} allOf[${i}]`));
  if (resolved.type !== 'object' && !resolved.allOf)
    throw new Error(`${where}: expected a JSON object schema, got ${JSON.stringify(resolved.type)}.`);
  return [...new Set([...own, ...parts])];
}

// "METHOD /path/{template}" → documented 2xx status → the fields its JSON body requires, or null
// when the response has no body. The client refuses any other success body as an APIResponseError.
// Paths with fewer parameters come first: the client takes the first match, so
// `/virtual_numbers/available` wins over `/virtual_numbers/{id}`.
const params = (path) => path.split('{').length - 1;
const successBodies = {};
for (const op of listOperations(doc).sort((a, b) => params(a.path) - params(b.path))) {
  const statuses = {};
  for (const response of op.responses.filter((r) => /^2\d\d$/.test(r.status))) {
    const where = `${op.operationId} ${response.status}`;
    if (response.content.length === 0) {
      statuses[response.status] = null;
      continue;
    }
    const json = response.content.find((m) => m.contentType === 'application/json');
    if (!json || response.content.length > 1) {
      throw new Error(
        `${where}: the client only reads application/json success bodies; teach it ${response.content.map((m) => m.contentType).join(', ')}.`,
      );
    }
    statuses[response.status] = requiredFields(json.schema, where);
  }
  if (Object.keys(statuses).length === 0) throw new Error(`${op.operationId} documents no 2xx response.`);
  successBodies[`${op.method.toUpperCase()} ${op.path}`] = statuses;
}

runGenerator(
  fileURLToPath(new URL('../src/generated/spec.gen.ts', import.meta.url)),
  `${generatedHeader(doc, 'packages/client/scripts/generate.mjs')}
/** The production base URL (the spec's first server). */
export const DEFAULT_BASE_URL = ${JSON.stringify(server)};

/** The version of the spec this client was generated from. */
export const SPEC_VERSION = ${JSON.stringify(doc.info.version)};

/**
 * Audio formats Upload a recording accepts: file extension → largest size in bytes (from the
 * operation's \`x-upload-formats\`; the docs' "MB" read as MiB).
 */
export const UPLOAD_LIMITS: Readonly<Record<string, number>> = ${JSON.stringify(uploadLimits)};

/** Content types the upload's \`file\` part may have (\`encoding.file.contentType\`). */
export const UPLOAD_PART_TYPES: readonly string[] = ${JSON.stringify(partTypes.split(',').map((t) => t.trim()))};

/**
 * The documented success responses of every operation, by \`METHOD /path/{template}\`: status →
 * the top-level fields its JSON body requires, or null for a response without a body. Paths with
 * fewer parameters come first, so the first template that matches a path is the operation's.
 */
export const SUCCESS_BODIES: Readonly<Record<string, Readonly<Record<string, readonly string[] | null>>>> = ${JSON.stringify(successBodies)};
`,
);
