/**
 * The Host allow-list, applied to every request before it is routed. A web page can point a name
 * it controls at 127.0.0.1 (DNS rebinding) and then talk to the sandbox as "same origin": it could
 * read `/__sandbox/keys`, or use the seeded keys (public in the README) to change data. Such a
 * request still carries the page's own name in `Host`, so only loopback names are answered unless
 * more are allowed (`--allow-host`, option `allowedHosts`). Before that, a request must carry one
 * `Host` header (none only on HTTP/1.0), or there is no single name to check.
 * @see https://en.wikipedia.org/wiki/DNS_rebinding
 * @see https://www.rfc-editor.org/rfc/rfc9112#section-3.2
 */
import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import { ApiError } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';

/** The host names always answered (with any port); any `*.localhost` name is answered too. */
export const LOOPBACK_HOSTS: readonly string[] = Object.freeze(['localhost', '127.0.0.1', '[::1]']);

/** Addresses that mean "every interface"; listening on one names no host to allow. */
const WILDCARDS = new Set(['0.0.0.0', '[::]', '']);

/** What the Host check reads of a request. */
export type HostedRequest = Pick<IncomingMessage, 'rawHeaders' | 'httpVersionMajor' | 'httpVersionMinor'>;

/** The values of every `Host` header line of a request, in order (node:http keeps only the first). */
function hostHeaders(rawHeaders: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i]!.toLowerCase() === 'host') out.push(rawHeaders[i + 1]!);
  return out;
}

/** Which host names a sandbox answers. */
export interface HostPolicy {
  /** Whether a host name (lower case, without port; IPv6 in brackets) is allowed. */
  allowsName(name: string): boolean;
  /**
   * The refusal of a request by its `Host` headers: 400 for none on HTTP/1.1 or more than one
   * (RFC 9112 §3.2), 403 for one that is malformed or not allowed (or none on HTTP/1.0);
   * undefined when allowed.
   */
  check(req: HostedRequest): ApiError | undefined;
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
    check(req) {
      const hosts = hostHeaders(req.rawHeaders);
      const http11 = req.httpVersionMajor > 1 || (req.httpVersionMajor === 1 && req.httpVersionMinor >= 1);
      if (hosts.length > 1) {
        return new ApiError(
          400,
          { error: `${SANDBOX_MESSAGES.badHostHeader}: the request has ${hosts.length} Host headers; send exactly one (RFC 9112 §3.2).` },
          {},
          true,
        );
      }
      if (hosts.length === 0 && http11) {
        return new ApiError(
          400,
          { error: `${SANDBOX_MESSAGES.badHostHeader}: an HTTP/1.1 request must have a Host header (RFC 9112 §3.2).` },
          {},
          true,
        );
      }
      const hostHeader = hosts[0];
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
