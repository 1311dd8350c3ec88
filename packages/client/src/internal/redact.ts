/**
 * Keeps the API key out of everything the client hands back: error bodies echoed by a server,
 * errors (and their causes) thrown by a fetch or an abort, and hook events. The key is replaced
 * in strings and in property names, through nested objects, arrays, `cause` chains and
 * `AggregateError.errors`, with cycles and depth handled. A value that holds no trace of the key is
 * returned as it is, so a caller's `error.cause` stays the very error its fetch threw.
 */

const MASK = '[REDACTED]';
/** Nesting deeper than this is cut: a hostile body must not exhaust the stack. */
const MAX_DEPTH = 32;

/** `text` with every occurrence of `secret` replaced. */
export const redactText = (text: string, secret: string): string => (text.includes(secret) ? text.split(secret).join(MASK) : text);

type Kind = 'error' | 'array' | 'plain' | 'opaque';

function kindOf(value: object): Kind | undefined {
  if (Array.isArray(value)) return 'array';
  if (value instanceof Error) return 'error';
  if (ArrayBuffer.isView(value)) return undefined; // bytes: nothing to mask, kept as they are
  const proto = Object.getPrototypeOf(value) as unknown;
  // Anything else (a Request, Headers, a Map, a class instance) may hold the key where no
  // property walk can see it, so it counts as holding it and is copied as plain data.
  return proto === Object.prototype || proto === null ? 'plain' : 'opaque';
}

/** A property read that cannot throw (getters of foreign objects may). */
function read(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The named parts of `value` that can carry the key, as [name, value] pairs. */
function partsOf(value: object, kind: Kind): [string, unknown][] {
  const parts: [string, unknown][] = Object.entries(value);
  if (kind === 'error') {
    // message, stack, name and cause are not enumerable, nor are AggregateError's errors.
    for (const name of ['message', 'stack', 'name', 'cause', 'errors']) if (name in value) parts.push([name, read(value, name)]);
  } else if (kind === 'opaque') {
    // Headers, Map and Set list their entries through forEach.
    try {
      (value as { forEach(fn: (v: unknown, k: unknown) => void): void }).forEach((v, k) => parts.push([String(k), v]));
    } catch {
      // Not a collection.
    }
  }
  return parts;
}

/** Whether `value` (deeply) holds `secret`, or something that could hide it. */
function holds(value: unknown, secret: string, seen: Set<object>, depth: number): boolean {
  if (typeof value === 'string') return value.includes(secret);
  if (!value || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  const kind = kindOf(value);
  if (!kind) return false;
  return (
    depth > MAX_DEPTH ||
    kind === 'opaque' ||
    partsOf(value, kind).some(([name, child]) => name.includes(secret) || holds(child, secret, seen, depth + 1))
  );
}

/** A copy of `value` with `secret` masked everywhere (it is known to hold it). */
function copy(value: unknown, secret: string, copies: Map<object, unknown>, depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secret);
  if (!value || typeof value !== 'object') return value;
  if (copies.has(value)) return copies.get(value);
  const kind = kindOf(value);
  if (!kind) return value;
  if (depth > MAX_DEPTH) return '[Truncated]';
  let out = (kind === 'array' ? [] : {}) as Record<string, unknown>;
  if (kind === 'error') {
    out = new Error() as unknown as Record<string, unknown>;
    // The copy keeps the error's class — except a DOMException's, whose fields need its internal slots.
    if (!(typeof DOMException === 'function' && value instanceof DOMException))
      Object.setPrototypeOf(out, Object.getPrototypeOf(value) as object);
  }
  copies.set(value, out);
  for (const [name, child] of partsOf(value, kind)) {
    Object.defineProperty(out, redactText(name, secret), {
      value: copy(child, secret, copies, depth + 1),
      enumerable: kind !== 'error' || Object.prototype.propertyIsEnumerable.call(value, name),
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * `value` with `secret` masked in every string and property name it holds, deeply: the value itself
 * when it holds no trace of the key, else a copy (errors keep their class, `cause` and `errors`;
 * objects that could hide the key, like a Request or Headers, become plain data).
 */
export function redact<T>(value: T, secret: string | undefined): T {
  if (!secret || !holds(value, secret, new Set(), 0)) return value;
  return copy(value, secret, new Map(), 0) as T;
}
