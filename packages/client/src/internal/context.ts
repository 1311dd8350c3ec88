/**
 * What every resource is built on: the typed openapi-fetch client and the unwrap step.
 */
import type { Client } from 'openapi-fetch';
import type { paths } from '@identitycall/types';

/** The typed openapi-fetch client for the whole API. */
export type RawClient = Client<paths>;

/** Shared by every resource of one client. */
export interface ResourceContext {
  raw: RawClient;
  /** The data of a successful result; throws the typed error for any other status. */
  unwrap<D>(result: { data?: D; error?: unknown; response: Response }): D;
}
