/**
 * The corpus: every family of cases, derived from one spec document.
 */
import type { OpenAPIDocument } from '@identitycall/openapi';
import { caseBytes, type Family, type HostileCase, type Need } from '../case.js';
import { viewOf } from '../spec.js';
import { authCases } from './auth.js';
import { contentTypeCases } from './content-type.js';
import { jsonCases } from './json.js';
import { methodCases } from './method.js';
import { multipartCases } from './multipart.js';
import { pathCases } from './path.js';
import { protocolCases } from './protocol.js';
import { queryCases } from './query.js';

/** Options of {@link cases}. */
export interface CorpusOptions {
  /** Leave out cases that send more than this many bytes (the over-limit uploads are as large as the formats' limits). */
  maxBodyBytes?: number;
  /** Only these families. */
  families?: Family[];
  /** Leave out cases that need what the server cannot do (e.g. a stateless mock has no `key-registry`). */
  without?: Need[];
}

/**
 * Every hostile case for `doc`: JSON bodies, paths, methods, credentials, content types, query
 * parameters, broken HTTP and uploads. Ids are unique and stable for a given spec.
 */
export function cases(doc: OpenAPIDocument, options: CorpusOptions = {}): HostileCase[] {
  const view = viewOf(doc);
  const max = options.maxBodyBytes ?? Number.POSITIVE_INFINITY;
  const all = [
    ...jsonCases(view),
    ...pathCases(view),
    ...methodCases(view),
    ...authCases(view),
    ...contentTypeCases(view),
    ...queryCases(view),
    ...protocolCases(view),
    ...multipartCases(view, max),
  ];
  return all.filter(
    (c) =>
      caseBytes(c) <= max &&
      (!options.families || options.families.includes(c.family)) &&
      !(c.needs ?? []).some((n) => options.without?.includes(n)),
  );
}
