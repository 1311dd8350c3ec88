/**
 * Records as the API shows them: the list and detail representations of each resource, typed
 * with the generated API types, with nested lists cut to what the key may see (a project-scoped
 * key never learns of numbers or operators outside its project).
 * @see ../../../../spec/DECISIONS.md (B1, B16, B19)
 */
import { seesOperator, seesProjectResource, type Scope } from '../auth/api-keys.js';
import type {
  Operator,
  OperatorDetail,
  Project,
  ProjectDetail,
  Recording,
  RecordingDetail,
  VirtualNumber,
  VirtualNumberDetail,
} from '@identitycall/types';
import type { OperatorRecord, ProjectRecord, RecordingAnalysis, RecordingRecord, VirtualNumberRecord } from '../state/model.js';
import { initialsOf } from './initials.js';
import type { Store } from '../state/store.js';

const operatorBase = (o: OperatorRecord) => ({
  id: o.id,
  name: o.name,
  phone_number: o.phone_number,
  email: o.email,
  active: o.active,
  initials: initialsOf(o.name),
});

const visibleNumbersOf = (store: Store, scope: Scope, operatorId: number): VirtualNumberRecord[] =>
  store.numbers.ofOperator(operatorId).filter((n) => seesProjectResource(scope, n));

/** An operator as List Operators shows it. */
export function operatorListItem(store: Store, scope: Scope, o: OperatorRecord): Operator {
  return { ...operatorBase(o), virtual_numbers_count: visibleNumbersOf(store, scope, o.id).length };
}

/** An operator with its number assignments (Get, Create, Update Operator). */
export function operatorDetail(store: Store, scope: Scope, o: OperatorRecord): OperatorDetail {
  return {
    ...operatorBase(o),
    virtual_numbers: visibleNumbersOf(store, scope, o.id).map((n) => ({
      id: n.id,
      phone_number: n.phone_number,
      name: n.name,
      active: n.active,
    })),
  };
}

/** The routed operators of a number, by priority, that still exist. */
function routedOperators(store: Store, n: VirtualNumberRecord): Array<{ operator: OperatorRecord; priority: number }> {
  const out: Array<{ operator: OperatorRecord; priority: number }> = [];
  for (const entry of n.routing) {
    const operator = store.operators.get(entry.operator_id);
    if (operator) out.push({ operator, priority: entry.priority });
  }
  return out.sort((a, b) => a.priority - b.priority);
}

/** The fields both virtual number views carry. */
function virtualNumberBase(n: VirtualNumberRecord) {
  return {
    id: n.id,
    phone_number: n.phone_number,
    name: n.name,
    country_code: n.country_code,
    active: n.active,
    ai_receptionist_enabled: n.ai_receptionist_enabled,
  };
}

/** A virtual number as List Virtual Numbers and Purchase show it (at most three operators). */
export function virtualNumberListItem(store: Store, _scope: Scope, n: VirtualNumberRecord): VirtualNumber {
  const routed = routedOperators(store, n);
  return {
    ...virtualNumberBase(n),
    operators: routed.slice(0, 3).map(({ operator }) => ({
      id: operator.id,
      name: operator.name,
      initials: initialsOf(operator.name),
    })),
    operators_count: routed.length,
  };
}

/** A virtual number with settings, routing, the operators that could be added, stats and calls. */
export function virtualNumberDetail(store: Store, scope: Scope, n: VirtualNumberRecord): VirtualNumberDetail {
  const routed = routedOperators(store, n);
  const attached = new Set(routed.map((r) => r.operator.id));
  return {
    ...virtualNumberBase(n),
    recording: n.recording,
    routing_strategy: n.routing_strategy,
    stats: n.stats,
    operators: routed.map(({ operator, priority }) => ({
      id: operator.id,
      name: operator.name,
      phone_number: operator.phone_number,
      initials: initialsOf(operator.name),
      priority,
    })),
    available_operators: store.operators
      .list()
      .filter((o) => !attached.has(o.id) && seesOperator(scope, o))
      .map((o) => ({ id: o.id, name: o.name, phone_number: o.phone_number, initials: initialsOf(o.name) })),
    recent_calls: n.recent_calls.slice(0, 10),
  };
}

/** A project as List Projects shows it. */
export function projectListItem(p: ProjectRecord): Project {
  return {
    id: p.id,
    name: p.name,
    language: p.language,
    industry: p.industry,
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}

/** A project with every setting and its counts (Get, Create, Update Project). */
export function projectDetail(store: Store, p: ProjectRecord): ProjectDetail {
  return {
    ...projectListItem(p),
    description: p.description,
    goal_language: p.goal_language,
    summary_language: p.summary_language,
    long_pause_threshold_seconds: p.long_pause_threshold_seconds,
    transcription_hints: p.transcription_hints,
    retention_days: p.retention_days,
    quality_baseline_enabled: p.quality_baseline_enabled,
    quality_baseline_pct: p.quality_baseline_pct,
    ...store.projects.counts(p.id),
  };
}

const EMPTY_ANALYSIS: RecordingAnalysis = Object.freeze({
  speakers: Object.freeze([]) as unknown as string[],
  goal_achievement: 0,
  summary: '',
  full_text: '',
  dialogues: Object.freeze([]) as unknown as RecordingAnalysis['dialogues'],
  goals: Object.freeze([]) as unknown as RecordingAnalysis['goals'],
  keywords: Object.freeze([]) as unknown as RecordingAnalysis['keywords'],
  pauses: Object.freeze([]) as unknown as RecordingAnalysis['pauses'],
});

/**
 * The analysis a recording shows: its own once `completed`, an empty one before (results and
 * summary document no error for an unfinished recording; see README, "Decisions").
 */
export function shownAnalysis(store: Store, r: RecordingRecord): RecordingAnalysis {
  return r.status === 'completed' ? store.recordings.analysisOf(r) : EMPTY_ANALYSIS;
}

/** Fields recording bodies carry besides the documented ones (extra fields are allowed, B1). */
export interface RecordingExtras {
  public_id: string;
  project_id: number;
  external_id: string | null;
}

/** The fields every recording body carries. */
function recordingBase(r: RecordingRecord) {
  return {
    id: r.id,
    public_id: r.public_id,
    project_id: r.project_id,
    external_id: r.external_id,
    name: r.name ?? r.file_name ?? '',
    status: r.status,
    duration_ms: r.duration_ms ?? 0,
    created_at: r.created_at,
  };
}

/** A recording as List Recordings shows it. */
export function recordingListItem(store: Store, r: RecordingRecord): Recording & RecordingExtras {
  const analysis = shownAnalysis(store, r);
  return { ...recordingBase(r), speakers: analysis.speakers, goal_achievement: analysis.goal_achievement };
}

/** A recording with its processing counts (Get, Upload, Update Recording). */
export function recordingDetail(store: Store, r: RecordingRecord): RecordingDetail & RecordingExtras {
  const analysis = shownAnalysis(store, r);
  return {
    ...recordingBase(r),
    language: r.language,
    updated_at: r.updated_at,
    dialogues_count: analysis.dialogues.length,
    goals_evaluated: analysis.goals.length > 0,
    keywords_detected: analysis.keywords.length,
    pauses_detected: analysis.pauses.length,
    audio_attached: r.file_size !== null,
  };
}
