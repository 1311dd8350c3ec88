/**
 * Installs injected faults on a starting sandbox: a copy of its handlers and the pipeline's hooks
 * are handed to each fault of the catalogue (or per-operation scope leak) in turn.
 * @see ./catalogue.ts
 */
import { authenticate, authorize } from '../auth/api-keys.js';
import type { Handler } from '../pipeline/context.js';
import type { FaultHooks } from '../pipeline/hooks.js';
import type { Store } from '../state/store.js';
import type { RequestValidation } from '../validation/request-validation.js';
import { DEFINITIONS, definitionOf } from './catalogue.js';
import type { FaultTarget } from './target.js';

/**
 * Installs `names` on a sandbox's store and a copy of its handlers, and returns the hooks the
 * pipeline calls. Throws for an unknown fault name.
 */
export function installFaults(
  names: readonly string[],
  parts: { store: Store; handlers: Readonly<Record<string, Handler>>; validation: RequestValidation },
): { handlers: Record<string, Handler>; hooks: FaultHooks } {
  const target: FaultTarget = {
    store: parts.store,
    handlers: { ...parts.handlers },
    validation: parts.validation,
    hooks: { intercept: () => undefined, authenticate, authorize, answer: (a) => a },
  };
  for (const name of names) {
    const definition = definitionOf(name);
    if (!definition) {
      throw new TypeError(
        `Unknown sandbox fault "${name}". Known faults: ${Object.keys(DEFINITIONS).join(', ')}; or scope-leak:<operationId> for any operation`,
      );
    }
    definition.install(target);
  }
  return { handlers: target.handlers, hooks: target.hooks };
}
