/** The value the global setups provide to the suites: the target under test. */
import type {} from 'vitest';
import type { Target } from '@identitycall/conformance';

declare module 'vitest' {
  export interface ProvidedContext {
    target: Target;
  }
}
export type { Target };
