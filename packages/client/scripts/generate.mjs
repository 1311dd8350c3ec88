#!/usr/bin/env node
/**
 * Generates src/generated/spec.gen.ts: the runtime facts the client takes from the spec (default
 * base URL, spec version, upload formats and size limits, the upload part content types), so the
 * client restates none of them by hand. CI fails when `pnpm generate` leaves git changed.
 */
import { fileURLToPath } from 'node:url';
import { generatedHeader, loadSpec, resolveRef, runGenerator, uploadFormats } from '@identitycall/openapi';

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
`,
);
