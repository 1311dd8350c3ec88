/**
 * Credentials: a missing, malformed or foreign-scheme `Authorization` header on every secured
 * operation is 401 with one of that operation's documented 401 messages; a well-formed key the
 * server never issued needs a server that knows its keys.
 * @see https://docs.identitycall.ai/api-reference/errors
 * @see ../../../../spec/DECISIONS.md (B5)
 */
import type { HostileCase, Need } from '../case.js';
import { messagesOf, pathWith, type SpecView } from '../spec.js';
import { requestFor } from './valid.js';

const HEADERS: Array<{ id: string; header?: string; needs?: Need[] }> = [
  { id: 'missing' },
  { id: 'basic', header: 'Basic aG9zdGlsZTppbnB1dHM=' },
  { id: 'empty-bearer', header: 'Bearer ' },
  { id: 'bearer-without-token', header: 'Bearer' },
  { id: 'token-with-space', header: 'Bearer idc_abc def' },
  { id: 'other-scheme', header: 'Token idc_abcdefghijklmnopqrstuvwxyz012345' },
  { id: 'token-with-quote', header: 'Bearer "idc_abcdefghijklmnopqrstuvwxyz012345"' },
  { id: 'short-key', header: 'Bearer idc_short', needs: ['key-registry'] },
  { id: 'unknown-key', header: 'Bearer idc_hostileinputsunknownkey0000000', needs: ['key-registry'] },
];

/** Every credentials case. */
export function authCases(view: SpecView): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const op of view.operations.filter((o) => o.secured)) {
    const messages = messagesOf(op, 401);
    for (const h of HEADERS) {
      cases.push({
        id: `auth.${h.id}/${op.operationId}`,
        family: 'auth',
        operationId: op.operationId,
        title: `${op.operationId}: ${h.header === undefined ? 'no Authorization header' : `Authorization "${h.header}"`} is 401`,
        send: requestFor(view, op, pathWith(view, op), {
          auth: false,
          headers: h.header === undefined ? [] : [['Authorization', h.header]],
        }),
        expect: { statuses: [401], envelope: true, ...(messages.length && { messages }) },
        ...(h.needs && { needs: h.needs }),
      });
    }
  }
  return cases;
}
