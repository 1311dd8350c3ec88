/**
 * Routes a method and path to an operation of the spec. The route table is the spec's `paths`:
 * literal segments win over templated ones (`/virtual_numbers/available` before
 * `/virtual_numbers/{id}`), as OpenAPI path matching requires.
 * @see https://spec.openapis.org/oas/v3.1.0#paths-object
 */
import type { OperationInfo } from '@identitycall/openapi';

/** A matched operation and its raw (percent-decoded) path parameters. */
export interface RouteMatch {
  kind: 'operation';
  operation: OperationInfo;
  params: Record<string, string>;
}

/** The path exists but not with this method. */
export interface MethodMismatch {
  kind: 'method-not-allowed';
  allow: string[];
}

interface Route {
  segments: Array<{ literal: string } | { param: string }>;
  byMethod: Map<string, OperationInfo>;
}

/** Matches requests against the operations of the spec. */
export interface Router {
  match(method: string, pathname: string): RouteMatch | MethodMismatch | undefined;
}

function splitPath(path: string): string[] | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const parts = trimmed.split('/').slice(1);
  try {
    return parts.map((p) => decodeURIComponent(p));
  } catch {
    return undefined;
  }
}

/** Builds the route table from `operations`. */
export function createRouter(operations: readonly OperationInfo[]): Router {
  const byTemplate = new Map<string, Route>();
  for (const op of operations) {
    let route = byTemplate.get(op.path);
    if (!route) {
      route = {
        segments: op.path
          .split('/')
          .slice(1)
          .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s })),
        byMethod: new Map(),
      };
      byTemplate.set(op.path, route);
    }
    route.byMethod.set(op.method.toUpperCase(), op);
  }
  // Most specific first: compare segment by segment, a literal before a parameter.
  const routes = [...byTemplate.values()].sort((a, b) => {
    const n = Math.min(a.segments.length, b.segments.length);
    for (let i = 0; i < n; i++) {
      const la = 'literal' in a.segments[i]! ? 0 : 1;
      const lb = 'literal' in b.segments[i]! ? 0 : 1;
      if (la !== lb) return la - lb;
    }
    return a.segments.length - b.segments.length;
  });

  return {
    match(method, pathname) {
      const parts = splitPath(pathname);
      if (!parts) return undefined;
      for (const route of routes) {
        if (route.segments.length !== parts.length) continue;
        const params: Record<string, string> = {};
        let ok = true;
        for (let i = 0; i < parts.length; i++) {
          const seg = route.segments[i]!;
          const part = parts[i]!;
          if ('literal' in seg) {
            if (seg.literal !== part) {
              ok = false;
              break;
            }
          } else if (part === '') {
            ok = false;
            break;
          } else {
            params[seg.param] = part;
          }
        }
        if (!ok) continue;
        const operation = route.byMethod.get(method.toUpperCase());
        if (!operation) return { kind: 'method-not-allowed', allow: [...route.byMethod.keys()] };
        return { kind: 'operation', operation, params };
      }
      return undefined;
    },
  };
}
