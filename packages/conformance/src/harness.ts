/**
 * The harness a suite runs on: a client whose traffic is recorded, and the checks that every
 * recorded exchange — the request the client sent and the response the server gave — meets the spec.
 */
import { createIdentityCallClient, type IdentityCallClient } from '@identitycall/client';
import { createValidator, loadSpec, type SpecValidator } from '@identitycall/openapi';
import { checkRequest, checkResponse, type CheckFailure } from './checks.js';
import { matchOperation, recordingFetch, type Exchange } from './exchange.js';
import type { Target } from './target.js';

let sharedValidator: SpecValidator | undefined;

/** The validator compiled from the bundled spec (once per process). */
export function specValidator(): SpecValidator {
  sharedValidator ??= createValidator(loadSpec());
  return sharedValidator;
}

/** A client on a target, with its recorded traffic. */
export interface Harness {
  target: Target;
  client: IdentityCallClient;
  validator: SpecValidator;
  exchanges: Exchange[];
  /** Every contract failure in the traffic so far (server and client side). */
  failures(): CheckFailure[];
  /** The operations the recorded traffic called. */
  calledOperations(): string[];
}

/** Creates a harness on `target`. */
export function createHarness(target: Target, apiKey: string = target.apiKey): Harness {
  const validator = specValidator();
  const recorder = recordingFetch(new URL(target.baseUrl).pathname);
  const client = createIdentityCallClient({ apiKey, baseUrl: target.baseUrl, fetch: recorder.fetch });
  const operationOf = (e: Exchange) => matchOperation(validator.operations, e.request.method, e.request.path);
  return {
    target,
    client,
    validator,
    exchanges: recorder.exchanges,
    failures() {
      return recorder.exchanges.flatMap((e) => {
        const op = operationOf(e);
        return [...checkRequest(validator, e), ...(op ? checkResponse(validator, op.operationId, e) : [])];
      });
    },
    calledOperations() {
      return recorder.exchanges.map((e) => operationOf(e)?.operationId ?? '(unknown)');
    },
  };
}
