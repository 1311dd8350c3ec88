/**
 * What an admin request must show before it may act, beyond the Host check every request passes:
 * it comes from no other site (`Origin`, `Sec-Fetch-Site`), it carries the admin token when one is
 * set, and a POST declares `Content-Type: application/json`. Browsers send a cross-site
 * `text/plain` POST without asking first (a CORS "simple" request), so without the last check any
 * page a developer visits could reset their sandbox; a JSON content type makes the browser send a
 * preflight, which the sandbox never grants.
 * @see https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#simple_requests
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../errors/api-error.js';
import { SANDBOX_MESSAGES } from '../errors/messages.js';
import { hostNameOf, type HostPolicy } from '../http/host-guard.js';

/** The checks of the admin routes, bound to a sandbox's host policy and admin token. */
export interface AdminGuard {
  /** The 403 or 401 for a request from another site or without the right token; undefined when it may go on. */
  check(req: IncomingMessage): ApiError | undefined;
  /** The 415 for a POST that is not declared JSON; undefined when it is. */
  checkPost(req: IncomingMessage): ApiError | undefined;
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * A token comparison whose time does not depend on where the two differ or on their lengths: both
 * sides are hashed to 32 bytes and compared with `timingSafeEqual`.
 */
export function sameToken(sent: string, expected: string): boolean {
  return timingSafeEqual(sha256(sent), sha256(expected));
}

/**
 * Checks an admin token given as an option.
 * @throws TypeError when it is empty or cannot be sent in an HTTP header.
 */
export function checkAdminToken(token: string): string {
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError('--admin-token / adminToken: expected visible ASCII characters without spaces (it is sent in a header)');
  }
  return token;
}

/** The guard for `policy` and, when set, `adminToken`. */
export function adminGuard(policy: HostPolicy, adminToken: string | undefined): AdminGuard {
  return {
    check(req) {
      const site = req.headers['sec-fetch-site'];
      const origin = req.headers.origin;
      let crossSite: string | undefined;
      if (site === 'cross-site') crossSite = 'Sec-Fetch-Site: cross-site';
      else if (origin !== undefined) {
        let name: string | undefined;
        try {
          name = hostNameOf(new URL(origin).host);
        } catch {
          name = undefined;
        }
        if (name === undefined || !policy.allowsName(name)) crossSite = `Origin "${origin}"`;
      }
      if (crossSite !== undefined) {
        return new ApiError(403, {
          error: `${SANDBOX_MESSAGES.adminCrossSite} (${crossSite}); call them from a local tool or a page on an allowed host.`,
        });
      }
      if (adminToken === undefined) return undefined;
      const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (m && sameToken(m[1]!, adminToken)) return undefined;
      const why = m ? 'the token sent is not the one' : 'send Authorization: Bearer <token> with the token';
      const error =
        `${SANDBOX_MESSAGES.adminTokenRequired}: ${why} the sandbox was started with ` +
        '(--admin-token, IDENTITYCALL_SANDBOX_ADMIN_TOKEN or the adminToken option).';
      return new ApiError(401, { error }, { 'www-authenticate': 'Bearer realm="identitycall-sandbox admin"' });
    },
    checkPost(req) {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type === 'application/json') return undefined;
      const sent = req.headers['content-type'];
      return new ApiError(415, { error: `${SANDBOX_MESSAGES.adminContentType} (got ${sent === undefined ? 'none' : `"${sent}"`}).` });
    },
  };
}
