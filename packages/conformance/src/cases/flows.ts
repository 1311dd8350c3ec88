/**
 * The flows as cases: each flow runs through the client, so besides the contract of every
 * exchange it checks what the client sent (`request_conformance`) and returned
 * (`client_return_conformance`), and on a stateful target `ensure_resource_availability` and
 * `use_after_free`.
 */
import { flows, type Flow } from '../flows/index.js';
import type { Case } from '../engine/case.js';

function flowCase(flow: Flow): Case {
  return {
    id: `flows/${flow.name.split(':')[0]}`,
    family: 'flows',
    title: flow.name,
    tier: 'contract',
    about: ['ensure_resource_availability', 'use_after_free', 'request_conformance', 'client_return_conformance'],
    needs: flow.needs,
    covers: flow.covers,
    run: (ctx) => flow.run(ctx),
  };
}

/** One case per flow. */
export function flowCases(): Case[] {
  return flows.map(flowCase);
}
