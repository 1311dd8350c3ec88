/**
 * The plan of a run: every case, from the spec alone, in the order the families run — setup,
 * the spec's examples, generated requests, negative requests, auth, methods, the mock's documented
 * statuses, the client flows, the behaviour tier, permissions, scope, cleanup.
 */
import type { CheckTier } from '../checks/catalogue.js';
import type { Case } from './case.js';
import { authCases, methodCases } from '../cases/auth.js';
import { recordingBehaviourCases } from '../cases/behaviour-recordings.js';
import { resourceBehaviourCases } from '../cases/behaviour-resources.js';
import { exampleCases } from '../cases/examples.js';
import { flowCases } from '../cases/flows.js';
import { generatedCases } from '../cases/generated.js';
import { negativeCases } from '../cases/negative.js';
import { permissionCases } from '../cases/permissions.js';
import { preferCases } from '../cases/prefer.js';
import { scopeCases } from '../cases/scope.js';
import { cleanupCase, setupCase } from '../cases/setup.js';
import { FAMILIES, type Family } from './results.js';
import { compiledSpec } from './spec.js';

/** What to plan. */
export interface PlanOptions {
  /** Only these families (setup and cleanup are always planned). */
  families?: readonly Family[];
  /** Only these tiers. */
  tiers?: readonly CheckTier[];
}

/** Every case of a run, in order. */
export function planCases(options: PlanOptions = {}): Case[] {
  const spec = compiledSpec();
  const ops = spec.validator.operations;
  const all: Case[] = [
    setupCase,
    ...exampleCases(ops),
    ...generatedCases(ops),
    ...negativeCases(spec, ops),
    ...authCases(ops),
    ...methodCases(ops),
    ...preferCases(ops),
    ...flowCases(),
    ...resourceBehaviourCases,
    ...recordingBehaviourCases,
    ...permissionCases(ops),
    ...scopeCases(ops),
    cleanupCase,
  ];
  const families = new Set<Family>([...(options.families ?? FAMILIES), 'setup', 'cleanup']);
  const tiers = new Set(options.tiers ?? ['contract', 'behaviour']);
  return all.filter((c) => families.has(c.family) && (tiers.has(c.tier) || c.family === 'setup' || c.family === 'cleanup'));
}
