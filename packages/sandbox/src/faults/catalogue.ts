/**
 * Injected faults: known defects the sandbox can be started with, so that a test suite can prove it
 * notices a server that departs from the docs (the conformance package's mutation harness starts
 * one sandbox per fault). Each fault is a small, realistic bug — a wrong status, a missing field, a
 * scope leak, a partial update that overwrites — installed by wrapping handlers, patching the
 * store instance or rewriting answers. Without faults none of this code runs.
 * @see ../../README.md#injected-faults
 */
import type { Permission } from '@identitycall/openapi';
import { authenticate, authorize } from '../auth/api-keys.js';
import { ApiError, internalError, notFound, permissionRequired } from '../errors/api-error.js';
import { MESSAGES, PERMISSION_MESSAGES, isMalformedJsonMessage } from '../errors/messages.js';
import { recordingDetail } from '../resources/views.js';
import { editAt, operationsOn, operatorBodies } from './spec-facts.js';
import { dataOf, is, isObject, onAnswer, unscoped, wrap, type FaultDefinition, type Fields } from './target.js';

/** Initials from the ASCII letters of a name only (the bug of `initials-ascii-only`). */
function asciiInitials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/[^A-Za-z]/g, ''))
    .filter((w) => w !== '');
  if (words.length === 0) return '';
  const letters = words.length === 1 ? words[0]!.slice(0, 2) : `${words[0]![0]}${words[words.length - 1]![0]}`;
  return letters.toUpperCase();
}

/** Rewrites `initials` wherever an object carries a `name` and `initials`. */
function rewriteInitials(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteInitials);
  if (!isObject(node)) return node;
  const out: Fields = {};
  for (const [k, v] of Object.entries(node)) out[k] = rewriteInitials(v);
  if (typeof out.name === 'string' && typeof out.initials === 'string') out.initials = asciiInitials(out.name);
  return out;
}

/** Drops `initials` from an operator object. */
function withoutInitials(o: unknown): unknown {
  if (!isObject(o)) return o;
  const { initials: _dropped, ...rest } = o;
  return rest;
}

/** The catalogue: every fault by name. */
export const DEFINITIONS = {
  'create-operator-200': {
    description: 'Create Operator answers 200 instead of the documented 201.',
    install: (t) => onAnswer(t, (a, info) => (is(info, 'createOperator') && a.status === 201 ? { ...a, status: 200 } : a)),
  },
  'operator-missing-initials': {
    description: 'Operator bodies lack the required `initials` field.',
    install: (t) => {
      // Every operation whose success body carries operators (read from the spec), and where.
      const bodies = operatorBodies();
      onAnswer(t, (a, info) => {
        const locations = info.op ? bodies.get(info.op.operationId) : undefined;
        if (!locations || a.status >= 300) return a;
        return { ...a, body: locations.reduce((body, steps) => editAt(body, steps, withoutInitials), a.body) };
      });
    },
  },
  'email-not-nullable': {
    description: 'Update Operator refuses `"email": null` (422) instead of clearing the email.',
    install: (t) =>
      wrap(t, 'updateOperator', (original) => (ctx) => {
        if (isObject(ctx.body) && ctx.body.email === null) throw new ApiError(422, { errors: ["Email can't be null"] });
        return original(ctx);
      }),
  },
  'phone-not-normalised': {
    description: 'Operator phone numbers are stored as sent instead of normalised to E.164.',
    install: (t) => {
      for (const id of ['createOperator', 'updateOperator']) {
        wrap(t, id, (original) => (ctx) => {
          const result = original(ctx);
          const sent = isObject(ctx.body) ? ctx.body.phone_number : undefined;
          const data = dataOf(result.body);
          if (result.status < 300 && typeof sent === 'string' && isObject(data) && typeof data.id === 'number') {
            t.store.operators.update(data.id, { phone_number: sent });
            data.phone_number = sent;
          }
          return result;
        });
      }
    },
  },
  'partial-update-overwrites': {
    description: 'Update Operator resets the fields a request omits (email to null, active to true).',
    install: (t) =>
      wrap(
        t,
        'updateOperator',
        (original) => (ctx) => original(isObject(ctx.body) ? { ...ctx, body: { email: null, active: true, ...ctx.body } } : ctx),
      ),
  },
  'auth-ignored': {
    description: 'A missing, malformed or unknown API key is served as the account-wide key.',
    install: (t) => {
      const full = t.store.keys.list().find((k) => k.project_id === null && k.permissions.length === 3);
      t.hooks.authenticate = (header, find) => {
        try {
          return authenticate(header, find);
        } catch (e) {
          if (!full) throw e;
          return { key: full, projectId: null };
        }
      };
    },
  },
  'missing-key-403': {
    description: 'A request without an API key answers 403 instead of 401.',
    install: (t) =>
      onAnswer(t, (a, info) =>
        a.status === 401 && info.req.headers.authorization === undefined
          ? { ...a, status: 403, body: { error: PERMISSION_MESSAGES.read } }
          : a,
      ),
  },
  'read-only-can-write': {
    description: 'The write permission is not checked: a read-only key can change data.',
    install: (t) => {
      t.hooks.authorize = (scope, op) => {
        if (op.permission !== 'write') authorize(scope, op);
      };
    },
  },
  'wrong-permission-message': {
    description: `A missing write permission is answered "${PERMISSION_MESSAGES.read}".`,
    install: (t) =>
      onAnswer(t, (a) =>
        a.status === 403 && isObject(a.body) && a.body.error === PERMISSION_MESSAGES.write
          ? { ...a, body: { error: PERMISSION_MESSAGES.read } }
          : a,
      ),
  },
  'scope-leaks-operators': {
    description: "A project-scoped key sees and changes other projects' operators.",
    install: (t) => {
      // Every operation on /operators in the spec, so a new one leaks too.
      for (const op of operationsOn('operators')) wrap(t, op.operationId, unscoped);
    },
  },
  'scope-403-instead-of-404': {
    description: "A project-scoped key gets 403 (not 404) for another project's resource, so it learns it exists.",
    install: (t) =>
      onAnswer(t, (a, info) =>
        a.status === 404 && info.scope && info.scope.projectId !== null && info.op
          ? { ...a, status: 403, body: permissionRequired((info.op.permission ?? 'read') as Permission).body }
          : a,
      ),
  },
  'scoped-key-creates-projects': {
    description: 'A project-scoped key may create projects.',
    install: (t) => wrap(t, 'createProject', unscoped),
  },
  'wrong-content-type': {
    description: 'Get Project answers with `text/plain` instead of `application/json`.',
    install: (t) =>
      onAnswer(t, (a, info) =>
        is(info, 'getProject') && a.status === 200 ? { ...a, headers: { ...a.headers, 'content-type': 'text/plain; charset=utf-8' } } : a,
      ),
  },
  'non-ascii-name-500': {
    description: 'An operator name with non-ASCII letters crashes Create and Update Operator (500).',
    install: (t) => {
      for (const id of ['createOperator', 'updateOperator']) {
        wrap(t, id, (original) => (ctx) => {
          if (isObject(ctx.body) && typeof ctx.body.name === 'string' && /[^\x00-\x7F]/.test(ctx.body.name)) {
            throw new Error('injected fault: invalid byte sequence for encoding "LATIN1"');
          }
          return original(ctx);
        });
      }
    },
  },
  'initials-ascii-only': {
    description: 'Initials are derived from ASCII letters only ("Ąžuolas Žemaitis" gets "ZM", not "ĄŽ").',
    install: (t) => onAnswer(t, (a) => (a.status < 300 ? { ...a, body: rewriteInitials(a.body) } : a)),
  },
  'pagination-meta-off-by-one': {
    description: 'List Recordings reports one page more than there is (`meta.total_pages` off by one).',
    install: (t) =>
      onAnswer(t, (a, info) => {
        if (!is(info, 'listRecordings') || a.status !== 200 || !isObject(a.body) || !isObject(a.body.meta)) return a;
        return { ...a, body: { ...a.body, meta: { ...a.body.meta, total_pages: (a.body.meta.total_pages as number) + 1 } } };
      }),
  },
  'per-page-unbounded': {
    description: 'An out-of-range `per_page` is not refused: List Recordings answers an empty page.',
    install: (t) =>
      onAnswer(t, (a, info) =>
        is(info, 'listRecordings') && a.status === 400
          ? { ...a, status: 200, body: { data: [], meta: { current_page: 1, per_page: 20, total_pages: 0, total_count: 0 } } }
          : a,
      ),
  },
  'project-delete-not-cascading': {
    description: 'Deleting a project leaves its recordings reachable (they move to another project).',
    install: (t) =>
      wrap(t, 'deleteProject', (original) => (ctx) => {
        const id = ctx.params.id as number;
        const other = t.store.projects.list().find((p) => p.id !== id);
        if (ctx.scope.projectId === null && t.store.projects.get(id) && other) {
          for (const r of t.store.recordings.list()) if (r.project_id === id) t.store.recordings.update(r.id, { project_id: other.id });
        }
        return original(ctx);
      }),
  },
  'delete-recording-keeps-it': {
    description: 'Delete Recording answers 204 but the recording stays.',
    install: (t) => {
      t.store.recordings.delete = (id: number) => t.store.recordings.get(id) !== undefined;
    },
  },
  'idempotent-replay-duplicates': {
    description: 'Replaying an upload with the same (project_id, external_id) creates a second recording.',
    install: (t) => {
      t.store.recordings.findByExternalId = () => undefined;
    },
  },
  'transcription-before-completion': {
    description: 'The transcription is served before processing has completed, instead of 422.',
    install: (t) =>
      wrap(t, 'getRecordingTranscription', (original) => (ctx) => {
        try {
          return original(ctx);
        } catch (e) {
          const ref = String(ctx.params.id);
          const r = t.store.recordings.get(/^\d+$/.test(ref) ? Number(ref) : ref);
          if (!(e instanceof ApiError) || e.status !== 422 || !r) throw e;
          const a = t.store.recordings.analysisOf(r);
          return {
            status: 200,
            body: { data: { recording_id: r.id, language: r.language, full_text: a.full_text, dialogues: a.dialogues } },
          };
        }
      }),
  },
  'upload-accepts-any-format': {
    description: 'Uploads of unsupported file types are accepted (201) instead of refused.',
    install: (t) =>
      onAnswer(t, (a, info) => {
        if (!is(info, 'uploadRecording') || a.status !== 422 || !isObject(a.body) || a.body.error !== MESSAGES.invalidFileType) return a;
        const projectId = info.scope?.projectId ?? t.store.projects.list()[0]?.id;
        if (projectId === undefined) return a;
        const r = t.store.recordings.create({
          project_id: projectId,
          external_id: null,
          name: 'upload',
          language: 'en',
          file_name: 'upload',
          file_size: 1,
        });
        return { ...a, status: 201, body: { data: recordingDetail(t.store, r) } };
      }),
  },
  'update-number-accepts-invalid': {
    description: 'Update Virtual Number ignores invalid fields and answers 200 instead of 422.',
    install: (t) =>
      wrap(t, 'updateVirtualNumber', (original) => (ctx) => {
        const body = isObject(ctx.body) ? ctx.body : {};
        const valid: Fields = {};
        for (const [k, v] of Object.entries(body)) if (t.validation.bodyErrors(ctx.op, { [k]: v }).length === 0) valid[k] = v;
        return original({ ...ctx, body: valid });
      }),
  },
  'malformed-json-500': {
    description: 'A malformed JSON body crashes the request (500) instead of a 400.',
    install: (t) =>
      onAnswer(t, (a) =>
        a.status === 400 && isObject(a.body) && isMalformedJsonMessage(String(a.body.error))
          ? { ...a, status: 500, body: internalError().body }
          : a,
      ),
  },
  'create-returns-wrong-id': {
    description: 'Create Operator answers with an id that names no operator.',
    install: (t) =>
      onAnswer(t, (a, info) => {
        const data = dataOf(a.body);
        if (!is(info, 'createOperator') || a.status !== 201 || !isObject(data) || typeof data.id !== 'number') return a;
        return { ...a, body: { data: { ...data, id: data.id + 100_000 } } };
      }),
  },
  'wrong-not-found-message': {
    description: `404 bodies say "Not found" instead of the documented "${MESSAGES.notFound}".`,
    install: (t) => onAnswer(t, (a) => (a.status === 404 ? { ...a, body: { error: 'Not found' } } : a)),
  },
  'method-not-allowed-404': {
    description: 'An unsupported method answers 404 instead of 405 with `Allow`.',
    install: (t) => onAnswer(t, (a) => (a.status === 405 ? { ...a, status: 404, body: notFound().body, headers: {} } : a)),
  },
  'malformed-id-400': {
    description:
      'A path id that is not a valid id (not a number, out of range) answers 400, which no read or delete documents, instead of 404.',
    install: (t) => {
      const original = t.validation.pathParams.bind(t.validation);
      t.validation.pathParams = (op, raw) => {
        try {
          return original(op, raw);
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 404) throw e;
          throw new ApiError(400, { error: `${Object.keys(raw).join(', ')} is not a valid id` });
        }
      };
    },
  },
  'rate-limit-without-retry-after': {
    description: 'The 40th request is rate limited (429) without the documented `Retry-After` header.',
    install: (t) => {
      let count = 0;
      t.hooks.intercept = () => (++count === 40 ? { status: 429, body: { error: MESSAGES.rateLimited } } : undefined);
    },
  },
} satisfies Record<string, FaultDefinition>;

/** A per-operation scope leak: `scope-leak:<operationId>` (see {@link scopeLeak}). */
export type ScopeLeakFault = `scope-leak:${string}`;

/** The name of an injectable fault: one of the catalogue, or a per-operation scope leak. */
export type FaultName = keyof typeof DEFINITIONS | ScopeLeakFault;

/**
 * The fault that makes one operation treat a project-scoped key as account-wide (its handler runs
 * unscoped), for any operation of the spec: a test suite can prove it notices a scope leak on each
 * operation in turn. Not part of {@link FAULTS}, which lists the catalogue.
 */
export const scopeLeak = (operationId: string): ScopeLeakFault => `scope-leak:${operationId}`;

/** The definition of a fault name, or undefined when it names none. */
export function definitionOf(name: string): FaultDefinition | undefined {
  if (Object.hasOwn(DEFINITIONS, name)) return (DEFINITIONS as Record<string, FaultDefinition>)[name];
  const leak = /^scope-leak:(.+)$/.exec(name);
  if (!leak) return undefined;
  const operationId = leak[1]!;
  return {
    description: `${operationId} treats a project-scoped key as account-wide: it sees and changes other projects' resources.`,
    install: (t) => {
      if (!Object.hasOwn(t.handlers, operationId)) {
        throw new TypeError(`Unknown operation "${operationId}" in sandbox fault "${name}": name an operationId of the spec.`);
      }
      wrap(t, operationId, unscoped);
    },
  };
}

/** Every fault of the catalogue, with what is wrong when it is on. */
export const FAULTS: ReadonlyArray<{ name: FaultName; description: string }> = Object.entries(DEFINITIONS).map(([name, d]) => ({
  name: name as FaultName,
  description: d.description,
}));
