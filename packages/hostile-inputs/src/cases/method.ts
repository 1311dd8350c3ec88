/**
 * Methods: every method a path does not document (404 or 405), unknown and lower-case methods,
 * TRACE, and CONNECT (which asks the server to become a tunnel).
 */
import type { HostileCase } from '../case.js';
import { http } from '../build.js';
import { byPath, pathWith, type SpecView } from '../spec.js';

const PROBES = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Every method case. */
export function methodCases(view: SpecView): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const [template, ops] of byPath(view)) {
    const documented = ops.map((o) => o.method.toUpperCase());
    const path = pathWith(view, ops[0]!);
    for (const method of PROBES.filter((m) => !documented.includes(m))) {
      cases.push({
        id: `method.undocumented/${method} ${template}`,
        family: 'method',
        title: `${method} ${template} is not documented (${documented.join(', ')}): 404 or 405`,
        send: http(
          method,
          path,
          method === 'GET'
            ? {}
            : { headers: [['Content-Type', 'application/json']], body: { kind: 'bytes', bytes: new TextEncoder().encode('{}') } },
        ),
        expect: { statuses: [404, 405], envelope: true },
      });
    }
  }
  const somePath = pathWith(view, view.operations[0]!);
  const odd = [
    { id: 'unknown', method: 'FROBNICATE', statuses: [400, 404, 405] },
    { id: 'lower-case', method: view.operations[0]!.method.toLowerCase(), statuses: [400, 404, 405] },
    { id: 'trace', method: 'TRACE', statuses: [404, 405] },
    { id: 'propfind', method: 'PROPFIND', statuses: [404, 405] },
  ];
  for (const o of odd) {
    cases.push({
      id: `method.${o.id}`,
      family: 'method',
      title: `${o.method} ${somePath} is refused (${o.statuses.join(', ')})`,
      send: http(o.method, somePath),
      expect: { statuses: o.statuses, envelope: false },
    });
  }
  cases.push({
    id: 'method.connect',
    family: 'method',
    title: 'CONNECT (a tunnel request) is refused with an answer, not a dropped connection',
    send: { kind: 'raw', bytes: 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n' },
    expect: { statuses: [400, 403, 404, 405], envelope: false },
  });
  return cases;
}
