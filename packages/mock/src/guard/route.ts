/**
 * The request target: its length, its percent-escapes, the base path, and which documented
 * operation it names. A target that cannot name a documented path is answered here (404, or 405
 * with `Allow` for a documented path and an undocumented method), so Prism only ever sees paths
 * of the spec, with canonical escapes.
 * @see https://www.rfc-editor.org/rfc/rfc3986#section-2.1
 */
import { errorMessages, resolveRef, type OperationInfo, type ParameterInfo } from '@identitycall/openapi';
import type { SpecFacts } from '../facts.js';
import { GuardError } from './errors.js';

/** Longest request target (path and query) the guard reads, in bytes; longer ones get 414. */
export const MAX_TARGET_BYTES = 8 * 1024;

type Segment = { literal: string } | { param: ParameterInfo };

/** One path template of the spec and the operations documented on it, by upper-case method. */
export interface Route {
  template: string;
  segments: Segment[];
  methods: Map<string, OperationInfo>;
}

/** Where a request goes: the operation, its decoded path parameters and Prism's path for it. */
export interface RouteMatch {
  operation: OperationInfo;
  params: Record<string, string>;
  /** The path to forward: the spec's path with every value re-encoded, without the base path. */
  upstreamPath: string;
  /** The raw query string (after `?`), not yet checked. */
  rawQuery: string;
  /** A CORS preflight (OPTIONS with Access-Control-Request-Method), passed to Prism as is. */
  preflight: boolean;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** The routes of the spec, one per path template. */
export function buildRoutes(facts: SpecFacts): Route[] {
  const byTemplate = new Map<string, Route>();
  for (const op of facts.operations) {
    let route = byTemplate.get(op.path);
    if (!route) {
      const segments = op.path
        .split('/')
        .slice(1)
        .map((part): Segment => {
          const name = /^\{(.+)\}$/.exec(part)?.[1];
          if (name === undefined) return { literal: part };
          const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
          if (!param) throw new Error(`${op.operationId}: path parameter {${name}} is not described`);
          return { param };
        });
      route = { template: op.path, segments, methods: new Map() };
      byTemplate.set(op.path, route);
    }
    route.methods.set(op.method.toUpperCase(), op);
  }
  return [...byTemplate.values()];
}

const shown = (text: string) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

/**
 * Splits a raw path into decoded segments.
 * @throws GuardError 400 for an invalid percent-escape, a control character or a raw non-ASCII byte.
 */
export function decodePath(rawPath: string): string[] {
  if (!rawPath.startsWith('/')) throw new GuardError(400, `Malformed request target: "${shown(rawPath)}" does not start with "/"`);
  if (/[^\u0021-\u007e]/.test(rawPath)) {
    throw new GuardError(
      400,
      `Malformed request path: it contains a character that must be percent-encoded (${JSON.stringify(shown(rawPath))})`,
    );
  }
  return rawPath
    .split('/')
    .slice(1)
    .map((raw) => {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        throw new GuardError(400, `Malformed request path: "${shown(raw)}" is not a valid percent-encoded UTF-8 sequence`);
      }
      if (CONTROL.test(segment)) throw new GuardError(400, `Malformed request path: "${shown(raw)}" encodes a control character`);
      return segment;
    });
}

/** The route whose template fits `segments` best (most literal segments), ignoring parameter values. */
function matchRoute(routes: readonly Route[], segments: readonly string[]): { route: Route; values: string[] } | undefined {
  let best: { route: Route; values: string[]; literals: number } | undefined;
  for (const route of routes) {
    if (route.segments.length !== segments.length) continue;
    const values: string[] = [];
    let literals = 0;
    const fits = route.segments.every((s, i) => {
      const value = segments[i]!;
      if ('literal' in s) {
        literals++;
        return s.literal === value;
      }
      values.push(value);
      return value !== '';
    });
    if (fits && (!best || literals > best.literals)) best = { route, values, literals };
  }
  return best;
}

/** The value of a path parameter as its schema types it (text that spells an integer → number). */
function typed(facts: SpecFacts, param: ParameterInfo, text: string): unknown {
  const type = resolveRef<{ type?: unknown } | undefined>(facts.doc, param.schema)?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Whether the request is a CORS preflight (answered by Prism's CORS handling). */
export function isPreflight(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  return method === 'OPTIONS' && headers.origin !== undefined && headers['access-control-request-method'] !== undefined;
}

/**
 * Resolves a request target to a documented operation.
 * @throws GuardError 400 (malformed target), 414 (too long), 404 (no such path, wrong base path,
 * or a path value its schema refuses), 405 (method not documented, with `Allow`).
 */
export function resolveRoute(
  facts: SpecFacts,
  routes: readonly Route[],
  method: string,
  target: string,
  headers: Record<string, string | string[] | undefined>,
): RouteMatch {
  if (Buffer.byteLength(target) > MAX_TARGET_BYTES) {
    throw new GuardError(414, `The request target is longer than ${MAX_TARGET_BYTES} bytes`, {}, true);
  }
  let rawTarget = target;
  // A proxy-style absolute target (RFC 9112 §3.2.2) names the same path.
  if (/^https?:\/\//i.test(rawTarget)) {
    const url = URL.canParse(rawTarget) ? new URL(rawTarget) : undefined;
    if (!url) throw new GuardError(400, `Malformed request target: ${JSON.stringify(shown(rawTarget))}`);
    rawTarget = `${url.pathname}${url.search}`;
  }
  const q = rawTarget.indexOf('?');
  const rawPath = q === -1 ? rawTarget : rawTarget.slice(0, q);
  const rawQuery = q === -1 ? '' : rawTarget.slice(q + 1);
  const decoded = decodePath(rawPath);

  const base = facts.basePath.split('/').slice(1);
  const underBase = base.length > 0 && base.every((s, i) => decoded[i] === s);
  const segments = underBase ? decoded.slice(base.length) : decoded;
  const found = matchRoute(routes, segments);
  if (!found) throw notFoundPath(facts, routes, rawPath, decoded, underBase);

  const { route, values } = found;
  const preflight = isPreflight(method, headers);
  const operation = route.methods.get(method) ?? (preflight ? [...route.methods.values()][0] : undefined);
  if (!operation) {
    const allow = [...route.methods.keys()].join(', ');
    throw new GuardError(405, `${method} is not a documented method of ${route.template}; it allows ${allow}`, { allow });
  }
  const params: Record<string, string> = {};
  let v = 0;
  for (const s of route.segments) if ('param' in s) params[s.param.name] = values[v++]!;
  const upstreamPath = `/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
  return { operation, params, upstreamPath, rawQuery, preflight };
}

/**
 * Checks the path parameters against their schemas.
 * @throws GuardError 404 with the operation's documented "not found" message: a value its schema
 * refuses (`abc` for an integer id) names nothing, as for the real API.
 */
export function checkPathParams(facts: SpecFacts, match: RouteMatch): void {
  for (const p of match.operation.parameters) {
    if (p.in !== 'path' || p.schema === undefined) continue;
    const value = match.params[p.name];
    if (value === undefined) continue;
    if (!facts.validator.validate(p.schema, typed(facts, p, value)).valid) {
      const [documented = facts.notFound] = errorMessages(match.operation, 404);
      throw new GuardError(404, documented);
    }
  }
}

function notFoundPath(facts: SpecFacts, routes: readonly Route[], rawPath: string, decoded: string[], underBase: boolean): GuardError {
  const base = facts.basePath;
  if (!underBase && base !== '') {
    for (let k = 1; k < decoded.length; k++) {
      if (matchRoute(routes, decoded.slice(k))) {
        const suggestion = `${base}/${rawPath
          .split('/')
          .slice(k + 1)
          .join('/')}`;
        return new GuardError(404, `${shown(rawPath)} is not under the API's base path ${base}: did you mean ${shown(suggestion)}?`);
      }
    }
    return new GuardError(404, `No documented path matches ${shown(rawPath)}; the API's paths are under ${base}`);
  }
  return new GuardError(404, `No documented path matches ${shown(rawPath)}`);
}
