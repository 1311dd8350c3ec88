/**
 * What every resource is built on: the typed openapi-fetch client, the unwrap step and the
 * start of a call (its options turned into openapi-fetch's `signal` and `fetch`).
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '@identitycall/types';
import type { RequestOptions } from '../options.js';
import type { CallInit, CallPolicy } from './transport.js';

/** The typed openapi-fetch client for the whole API. */
export type RawClient = Client<paths>;

/** Shared by every resource of one client. */
export interface ResourceContext {
  raw: RawClient;
  /** The data of a successful result; throws the typed error for any other status. */
  unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D;
  /** The init of a call with the caller's options (the fetch running it): spread it into openapi-fetch's init. */
  init(options?: RequestOptions, policy?: CallPolicy): CallInit;
}
