/**
 * `createIdentityCallClient`: the typed openapi-fetch client plus a resource layer that returns
 * unwrapped data and throws typed errors, over a transport with retries, timeouts and a hook.
 * @see https://openapi-ts.dev/openapi-fetch/
 */
import type { paths } from '@identitycall/types';
import type { RawClient, ResourceContext } from './internal/context.js';
import { LeanRequest } from './internal/lean-request.js';
import { createClient } from './internal/openapi-fetch.js';
import { createTransport } from './internal/transport.js';
import { unwrap } from './internal/unwrap.js';
import { checkRequestOptions, resolveOptions, type ClientOptions } from './options.js';
import { operatorsResource, type OperatorsResource } from './resources/operators.js';
import { projectsResource, type ProjectsResource } from './resources/projects.js';
import { recordingsResource, type RecordingsResource } from './resources/recordings.js';
import { virtualNumbersResource, type VirtualNumbersResource } from './resources/virtual-numbers.js';

/** A client for the IdentityCall public API. */
export interface IdentityCallClient {
  /**
   * The typed openapi-fetch client, for any operation with full control over the response. It
   * sends through the same retries, timeout and hook; pass `signal` in its init to cancel.
   */
  readonly raw: RawClient;
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /** Every operation of the spec's Recordings tag, plus `iterate()` over every page: {@link RecordingsResource}. */
  readonly recordings: RecordingsResource;
  /** Every operation of the spec's Projects tag: {@link ProjectsResource}. */
  readonly projects: ProjectsResource;
  /** Every operation of the spec's Virtual Numbers tag: {@link VirtualNumbersResource}. */
  readonly virtualNumbers: VirtualNumbersResource;
  /** Every operation of the spec's Operators tag: {@link OperatorsResource}. */
  readonly operators: OperatorsResource;
  /**
   * A client with the same options except those given (headers are merged), e.g.
   * `client.withOptions({ maxRetries: 0, timeout: 5_000 })`.
   */
  withOptions(options: ClientOptions): IdentityCallClient;
}

/**
 * Creates a client. The API key comes from `options.apiKey` or `IDENTITYCALL_API_KEY`.
 * @throws TypeError when no key is available or an option is malformed.
 */
export function createIdentityCallClient(options: ClientOptions = {}): IdentityCallClient {
  const resolved = resolveOptions(options);
  const transport = createTransport({ ...resolved, basePath: new URL(resolved.baseUrl).pathname });
  const raw = createClient<paths>({
    baseUrl: resolved.baseUrl,
    fetch: transport.fetch,
    // With the platform's fetch, openapi-fetch builds a LeanRequest that the transport sends as
    // fetch(url, init); an injected fetch gets real Requests.
    ...(resolved.signalInInit ? { Request: LeanRequest as unknown as typeof Request } : {}),
    headers: { ...resolved.headers, Authorization: `Bearer ${resolved.apiKey}` },
  });
  const context: ResourceContext = {
    raw,
    unwrap: (result) => unwrap(transport, resolved.apiKey, result),
    init(call, policy) {
      if (call) checkRequestOptions(call);
      return transport.call(call, policy);
    },
  };
  return {
    raw,
    baseUrl: resolved.baseUrl,
    recordings: recordingsResource(context),
    projects: projectsResource(context),
    virtualNumbers: virtualNumbersResource(context),
    operators: operatorsResource(context),
    withOptions: (overrides) =>
      createIdentityCallClient({
        ...resolved,
        fetch: options.fetch,
        ...overrides,
        headers: { ...resolved.headers, ...overrides.headers },
      }),
  };
}
