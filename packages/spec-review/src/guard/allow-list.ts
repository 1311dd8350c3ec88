/**
 * Literals the source-of-truth guard allows, each with the reason. Keep it short: an entry is a
 * place where reading the fact from the spec would be wrong, not merely inconvenient. An entry
 * that no longer matches anything fails the guard, so the list cannot go stale.
 */
import type { AllowedFact } from './restated-facts.js';

export const ALLOWED_FACTS: readonly AllowedFact[] = [
  {
    file: 'packages/client/src/internal/upload.ts',
    fact: '1048576',
    reason:
      'a unit (bytes in a MB) for writing upload sizes in messages, equal to the JSON body limit by coincidence; the limits themselves come from the generated spec.gen.ts',
  },
  {
    file: 'packages/sandbox/src/state/persistence.ts',
    fact: '1048576',
    reason:
      "the journal's smallest compaction threshold, a storage tuning of the sandbox's own data file; it is no API fact and equals the JSON body limit by coincidence",
  },
];
