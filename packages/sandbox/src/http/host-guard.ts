/**
 * The Host allow-list, applied to every request before it is routed. A web page can point a name
 * it controls at 127.0.0.1 (DNS rebinding) and then talk to the sandbox as "same origin": it could
 * read `/__sandbox/keys`, or use the seeded keys (public in the README) to change data. Such a
 * request still carries the page's own name in `Host`, so only loopback names are answered unless
 * more are allowed (`--allow-host`, option `allowedHosts`).
 * @see https://en.wikipedia.org/wiki/DNS_rebinding
 */
import { isIPv6 } from 'node:net';
import { ApiError } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';

/** The host names always answered (with any port); any `*.localhost` name is answered too. */
export const LOOPBACK_HOSTS: readonly string[] = Object.freeze(['localhost', '127.0.0.1', '[::1]']);

/** Addresses that mean "every interface"; listening on one names no host to allow. */
const WILDCARDS = new Set(['0.0.0.0', '[::]', '']);

/** Which host names a sandbox answers. */
export interface HostPolicy {
  /** Whether a host name (lower case, without port; IPv6 in brackets) is allowed. */
  allowsName(name: string): boolean;
  /** The 403 for a request whose `Host` header is missing, malformed or not allowed; undefined when allowed. */
  check(hostHeader: string | undefined): ApiError | undefined;
}

/**
 * A host name as the allow-list compares it: lower case, no trailing dot, IPv6 in brackets.
 * @throws TypeError for a name with a port, a scheme or a path, which would never match a `Host`.
 */
export function allowListEntry(entry: string): string {
  const text = entry.trim().toLowerCase();
  if (text === '*') return text;
  if (isIPv6(text)) return `[${text}]`;
  if (/^\[[0-9a-f:.]+\]$/.test(text) && isIPv6(text.slice(1, -1))) return text;
  const name = text.replace(/\.$/, '');
  if (!/^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(name)) {
    throw new TypeError(`--allow-host / allowedHosts: expected a host name without scheme or port (e.g. "sandbox"), got "${entry}"`);
  }
  return name;
}

/** The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), or undefined when malformed. */
export function hostNameOf(header: string): string | undefined {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^\s:[\]/@]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!m) return undefined;
  return m[1]!.toLowerCase().replace(/\.$/, '');
}

/** The listen address as an allow-list entry, or undefined when it is not a host name at all. */
function listenName(host: string): string | undefined {
  try {
    return allowListEntry(host);
  } catch {
    return undefined;
  }
}

/** The policy for `allowedHosts` plus the loopback names and the address the sandbox listens on. */
export function hostPolicy(allowedHosts: readonly string[], listenHost: string): HostPolicy {
  const names = new Set([...LOOPBACK_HOSTS, ...allowedHosts.map(allowListEntry)]);
  // The address the operator chose to listen on is a name they meant clients to use.
  const listen = listenName(listenHost);
  if (listen !== undefined && !WILDCARDS.has(listen)) names.add(listen);
  const any = names.has('*');
  const allowsName = (name: string): boolean => any || names.has(name) || /^[^.]+(\.[^.]+)*\.localhost$/.test(name);
  return {
    allowsName,
    check(hostHeader) {
      const name = hostHeader === undefined ? undefined : hostNameOf(hostHeader);
      if (name !== undefined && allowsName(name)) return undefined;
      const what = hostHeader === undefined ? 'A request without a Host header' : `Host "${hostHeader}"`;
      return new ApiError(403, {
        error:
          `${SANDBOX_MESSAGES.hostNotAllowed}: ${what} is not answered. The sandbox answers only ${LOOPBACK_HOSTS.join(', ')}, ` +
          `*.localhost and the names it was started with; to allow another, start it with --allow-host <name> (option allowedHosts).`,
      });
    },
  };
}
