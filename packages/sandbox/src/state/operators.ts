/**
 * Operators in the store. Deleting an operator takes it off every routing list (priorities close
 * up); its project links go with it.
 * @see https://docs.identitycall.ai/api-reference/operators/delete
 */
import type { OperatorRecord } from './model.js';
import { nameOrder, type Patch, type Tables } from './tables.js';
import { withRouting } from './virtual-numbers.js';

/** The account's operators. */
export class OperatorStore {
  constructor(private readonly t: Tables) {}

  /** The operator with this id. */
  get(id: number): OperatorRecord | undefined {
    return this.t.operators.get(id);
  }

  /** Operators sorted by name (ascending), then id. */
  list(): OperatorRecord[] {
    return [...this.t.operators.values()].sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id);
  }

  /** Creates an operator with the next id. */
  create(fields: Omit<OperatorRecord, 'id'>): OperatorRecord {
    const operator: OperatorRecord = { ...fields, project_ids: [...fields.project_ids], id: this.t.nextIds.operator++ };
    this.t.operators.set(operator.id, operator);
    this.t.changed();
    return operator;
  }

  /** Applies `patch` to an operator. Undefined when it does not exist. */
  update(id: number, patch: Patch<OperatorRecord>): OperatorRecord | undefined {
    const current = this.t.operators.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id };
    this.t.operators.set(id, next);
    this.t.changed();
    return next;
  }

  /** Hard-deletes an operator: it leaves every routing list (priorities close up) and every project. */
  delete(id: number): boolean {
    const t = this.t;
    if (!t.operators.has(id)) return false;
    t.operators.delete(id);
    for (const n of [...t.numbers.values()]) {
      if (n.routing.some((e) => e.operator_id === id))
        t.numbers.set(
          n.id,
          withRouting(
            n,
            n.routing.filter((e) => e.operator_id !== id),
          ),
        );
    }
    t.changed();
    return true;
  }
}
