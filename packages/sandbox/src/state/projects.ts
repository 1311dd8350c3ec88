/**
 * Projects in the store: lookups, the computed counts, and changes. Deleting a project cascades to
 * its recordings and virtual numbers and to the operators' links to it; operators stay.
 * @see https://docs.identitycall.ai/api-reference/projects/delete
 */
import type { ProjectRecord } from './model.js';
import { nameOrder, type Patch, type Tables } from './tables.js';

/** The account's projects. */
export class ProjectStore {
  constructor(private readonly t: Tables) {}

  /** The project with this id. */
  get(id: number): ProjectRecord | undefined {
    return this.t.projects.get(id);
  }

  /** Projects sorted by name, then id. */
  list(): ProjectRecord[] {
    return [...this.t.projects.values()].sort((a, b) => nameOrder.compare(a.name, b.name) || a.id - b.id);
  }

  /** How many live recordings and virtual numbers a project has. */
  counts(id: number): { recordings_count: number; virtual_numbers_count: number } {
    let recordings = 0;
    for (const r of this.t.recordings.values()) if (r.project_id === id && r.deleted_at === null) recordings++;
    let numbers = 0;
    for (const n of this.t.numbers.values()) if (n.project_id === id) numbers++;
    return { recordings_count: recordings, virtual_numbers_count: numbers };
  }

  /** Creates a project with the next id; `created_at`/`updated_at` are now. */
  create(fields: Omit<ProjectRecord, 'id' | 'created_at' | 'updated_at'>): ProjectRecord {
    const now = this.t.now();
    const project: ProjectRecord = { ...fields, id: this.t.nextIds.project++, created_at: now, updated_at: now };
    this.t.projects.set(project.id, project);
    this.t.changed();
    return project;
  }

  /** Applies `patch` to a project and touches `updated_at`. Undefined when it does not exist. */
  update(id: number, patch: Patch<ProjectRecord>): ProjectRecord | undefined {
    const current = this.t.projects.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch, id, updated_at: this.t.now() };
    this.t.projects.set(id, next);
    this.t.changed();
    return next;
  }

  /**
   * Deletes a project and everything in it: its recordings and virtual numbers (with their
   * routing lists) and the operators' links to it. Operators themselves stay on the account.
   */
  delete(id: number): boolean {
    const t = this.t;
    if (!t.projects.has(id)) return false;
    t.projects.delete(id);
    for (const r of [...t.recordings.values()]) {
      if (r.project_id === id) {
        t.recordings.delete(r.id);
        t.recordingsByPublicId.delete(r.public_id);
      }
    }
    for (const n of [...t.numbers.values()]) if (n.project_id === id) t.numbers.delete(n.id);
    for (const o of [...t.operators.values()]) {
      if (o.project_ids.includes(id)) t.operators.set(o.id, { ...o, project_ids: o.project_ids.filter((p) => p !== id) });
    }
    t.changed();
    return true;
  }
}
