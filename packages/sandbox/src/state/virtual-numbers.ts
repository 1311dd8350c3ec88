/**
 * Virtual numbers in the store: the account's numbers, the `available` catalogue they are bought
 * from, and each number's routing list (operators by priority; priorities close up after a removal).
 * @see https://docs.identitycall.ai/api-reference/virtual-numbers/purchase
 */
import type { AvailableNumberRecord, VirtualNumberRecord } from './model.js';
import type { Patch, Tables } from './tables.js';

/** `routing` in priority order with the priorities renumbered 0, 1, 2, … */
export function withRouting(n: VirtualNumberRecord, routing: VirtualNumberRecord['routing']): VirtualNumberRecord {
  // Priorities close up after a removal, so the next attach takes the next free slot.
  const sorted = [...routing].sort((a, b) => a.priority - b.priority);
  return { ...n, routing: sorted.map((e, i) => ({ operator_id: e.operator_id, priority: i })) };
}

/** What a purchase may set besides the number itself. */
export interface PurchaseFields {
  name: string | null;
  number_type: VirtualNumberRecord['number_type'];
  upfront_cost: string | null;
  monthly_cost: string | null;
}

/** The account's virtual numbers and the catalogue of numbers to buy. */
export class VirtualNumberStore {
  constructor(private readonly t: Tables) {}

  /** The virtual number with this id. */
  get(id: number): VirtualNumberRecord | undefined {
    return this.t.numbers.get(id);
  }

  /** Virtual numbers by id. */
  list(): VirtualNumberRecord[] {
    return [...this.t.numbers.values()].sort((a, b) => a.id - b.id);
  }

  /** The virtual numbers whose routing list holds the operator, by number id. */
  ofOperator(operatorId: number): VirtualNumberRecord[] {
    const out: VirtualNumberRecord[] = [];
    for (const n of this.t.numbers.values()) if (n.routing.some((e) => e.operator_id === operatorId)) out.push(n);
    return out.sort((a, b) => a.id - b.id);
  }

  /** Applies `patch` to a virtual number. Undefined when it does not exist. */
  update(id: number, patch: Patch<VirtualNumberRecord>): VirtualNumberRecord | undefined {
    const current = this.t.numbers.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id };
    this.t.numbers.set(id, next);
    this.t.changed();
    return next;
  }

  /** The numbers that can be bought. */
  available(): readonly AvailableNumberRecord[] {
    return this.t.catalogue;
  }

  /**
   * Buys a number from the catalogue: it leaves the catalogue and becomes a virtual number of the
   * account (in `projectId`, or in no project), and the catalogue replenishes: the next free number
   * of the same block takes its place (see {@link successor}). Returns undefined when it is not in
   * the catalogue.
   */
  purchase(phoneNumber: string, fields: PurchaseFields, projectId: number | null): VirtualNumberRecord | undefined {
    const t = this.t;
    const offer = t.catalogue.find((a) => a.phone_number === phoneNumber);
    if (!offer) return undefined;
    const number: VirtualNumberRecord = {
      id: t.nextIds.number++,
      phone_number: offer.phone_number,
      name: fields.name,
      country_code: offer.country_code,
      number_type: fields.number_type ?? offer.number_type,
      active: true,
      recording: true,
      routing_strategy: 'priority',
      ai_receptionist_enabled: false,
      project_id: projectId,
      upfront_cost: fields.upfront_cost ?? offer.upfront_cost ?? null,
      monthly_cost: fields.monthly_cost ?? offer.monthly_cost ?? null,
      stats: { total_calls: 0, answered_calls: 0, missed_calls: 0, average_duration_seconds: 0 },
      routing: [],
      recent_calls: [],
    };
    t.numbers.set(number.id, number);
    const next = this.successor(offer);
    t.catalogue = next ? t.catalogue.map((a) => (a === offer ? next : a)) : t.catalogue.filter((a) => a !== offer);
    t.changed();
    return number;
  }

  /**
   * The offer that replaces a bought one, so that repeated test runs never exhaust the catalogue (a
   * provider's stock does not run out after a few purchases either): the same offer with the next
   * phone number, counting up in its last four digits (wrapping within that block of 10,000, so the
   * country code and area stay), that neither the catalogue nor the account has. Undefined when the
   * block is used up.
   */
  private successor(offer: AvailableNumberRecord): AvailableNumberRecord | undefined {
    const m = /^(\+\d+)(\d{4})$/.exec(offer.phone_number);
    if (!m) return undefined;
    const taken = new Set<string>(this.t.catalogue.map((a) => a.phone_number));
    for (const n of this.t.numbers.values()) taken.add(n.phone_number);
    const last = Number(m[2]);
    for (let step = 1; step < 10_000; step++) {
      const candidate = `${m[1]}${String((last + step) % 10_000).padStart(4, '0')}`;
      if (!taken.has(candidate)) return { ...offer, phone_number: candidate };
    }
    return undefined;
  }

  /** Puts an operator at the end of a number's routing list; a no-op when it is already there. */
  attach(numberId: number, operatorId: number): VirtualNumberRecord | undefined {
    const n = this.t.numbers.get(numberId);
    if (!n || !this.t.operators.has(operatorId)) return undefined;
    if (n.routing.some((e) => e.operator_id === operatorId)) return n;
    const next = withRouting(n, [...n.routing, { operator_id: operatorId, priority: n.routing.length }]);
    this.t.numbers.set(numberId, next);
    this.t.changed();
    return next;
  }

  /** Takes an operator off a number's routing list. Returns undefined when it was not on it. */
  detach(numberId: number, operatorId: number): VirtualNumberRecord | undefined {
    const n = this.t.numbers.get(numberId);
    if (!n || !n.routing.some((e) => e.operator_id === operatorId)) return undefined;
    const next = withRouting(
      n,
      n.routing.filter((e) => e.operator_id !== operatorId),
    );
    this.t.numbers.set(numberId, next);
    this.t.changed();
    return next;
  }
}
