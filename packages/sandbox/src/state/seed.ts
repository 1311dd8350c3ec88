/**
 * Seed files: the account a sandbox starts from (and returns to on reset). A seed may leave out
 * optional fields and whole sections; they are filled with defaults here, and the result is
 * checked like a data file (./data-check.ts).
 * @see ../../fixtures/seed.json
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PERMISSIONS } from '@identitycall/openapi';
import { SandboxDataError, checkSandboxData } from './data-check.js';
import type {
  ApiKeyRecord,
  AvailableNumberRecord,
  OperatorRecord,
  ProjectRecord,
  RecordingAnalysis,
  RecordingRecord,
  SandboxData,
  VirtualNumberRecord,
} from './model.js';

/** The seed shipped with the package: the docs' example data. */
export const defaultSeedPath: string = fileURLToPath(new URL('../../fixtures/seed.json', import.meta.url));

/** A seed as written in a file: every record field but the ids may be left out. */
export interface SeedInput {
  keys?: Array<Partial<ApiKeyRecord> & { key: string }>;
  projects?: Array<Partial<ProjectRecord> & { id: number; name: string }>;
  operators?: Array<Partial<OperatorRecord> & { id: number; name: string; phone_number: string }>;
  virtual_numbers?: Array<Partial<VirtualNumberRecord> & { id: number; phone_number: string }>;
  available?: Array<Partial<AvailableNumberRecord> & { phone_number: string }>;
  recordings?: Array<Partial<RecordingRecord> & { id: number; project_id: number }>;
  canned_analysis?: Partial<RecordingAnalysis>;
}

const EPOCH = '2026-01-01T00:00:00Z';

const EMPTY_ANALYSIS: RecordingAnalysis = {
  speakers: [],
  goal_achievement: 0,
  summary: '',
  full_text: '',
  dialogues: [],
  goals: [],
  keywords: [],
  pauses: [],
};

type Row = Record<string, unknown>;

const isObject = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The rows of a seed section: a list of objects, or nothing when the section is left out. */
function rowsOf<T>(input: Row, section: string, problems: string[]): Array<Partial<T> & Row> {
  const rows = input[section];
  if (rows === undefined) return [];
  if (!Array.isArray(rows)) {
    problems.push(`${section}: must be a list of records, got ${JSON.stringify(rows)}`);
    return [];
  }
  rows.forEach((r, i) => {
    if (!isObject(r)) problems.push(`${section}[${i}]: must be an object, got ${JSON.stringify(r)}`);
  });
  return rows.filter(isObject) as Array<Partial<T> & Row>;
}

/**
 * Fills a seed's defaults and checks the result like a data file (every record against the
 * spec-derived model, ids unique, references resolving, at least one key).
 * @param source How errors name the seed: `seed file /path`, or `seed` for an object.
 * @throws SandboxDataError naming every problem by record and field.
 */
export function normaliseSeed(input: SeedInput, source = 'seed'): SandboxData {
  if (!isObject(input)) throw new SandboxDataError(source, [`a seed must be a JSON object, got ${JSON.stringify(input)}`]);
  const raw = input as Row;
  const problems: string[] = [];
  const cannedInput = raw.canned_analysis === undefined ? {} : raw.canned_analysis;
  if (!isObject(cannedInput)) problems.push(`canned_analysis: must be an object, got ${JSON.stringify(cannedInput)}`);
  const canned = { ...EMPTY_ANALYSIS, ...(isObject(cannedInput) ? cannedInput : {}) };
  const keys = rowsOf<ApiKeyRecord>(raw, 'keys', problems).map((k) => ({
    key: k.key,
    name: k.name ?? (typeof k.key === 'string' ? k.key.slice(0, 8) : ''),
    permissions: k.permissions ?? [...PERMISSIONS],
    project_id: k.project_id ?? null,
  }));
  const projects = rowsOf<ProjectRecord>(raw, 'projects', problems).map((p) => ({
    id: p.id,
    name: p.name,
    language: p.language ?? null,
    industry: p.industry ?? null,
    description: p.description ?? null,
    goal_language: p.goal_language ?? p.language ?? null,
    summary_language: p.summary_language ?? p.language ?? null,
    long_pause_threshold_seconds: p.long_pause_threshold_seconds ?? null,
    transcription_hints: p.transcription_hints ?? null,
    retention_days: p.retention_days ?? null,
    quality_baseline_enabled: p.quality_baseline_enabled ?? false,
    quality_baseline_pct: p.quality_baseline_pct ?? null,
    created_at: p.created_at ?? EPOCH,
    updated_at: p.updated_at ?? p.created_at ?? EPOCH,
  }));
  const operators = rowsOf<OperatorRecord>(raw, 'operators', problems).map((o) => ({
    id: o.id,
    name: o.name,
    phone_number: o.phone_number,
    email: o.email ?? null,
    active: o.active ?? true,
    project_ids: o.project_ids ?? [],
  }));
  const virtual_numbers = rowsOf<VirtualNumberRecord>(raw, 'virtual_numbers', problems).map((n) => ({
    id: n.id,
    phone_number: n.phone_number,
    name: n.name ?? null,
    country_code: n.country_code ?? 'US',
    number_type: n.number_type ?? null,
    active: n.active ?? true,
    recording: n.recording ?? true,
    routing_strategy: n.routing_strategy ?? 'priority',
    ai_receptionist_enabled: n.ai_receptionist_enabled ?? false,
    project_id: n.project_id ?? null,
    upfront_cost: n.upfront_cost ?? null,
    monthly_cost: n.monthly_cost ?? null,
    stats: n.stats ?? { total_calls: 0, answered_calls: 0, missed_calls: 0, average_duration_seconds: 0 },
    // A routing entry may leave out its priority: its place in the list is the priority.
    routing: Array.isArray(n.routing)
      ? n.routing.map((e, i) => (isObject(e) ? { ...e, priority: e.priority ?? i } : e))
      : (n.routing ?? []),
    recent_calls: n.recent_calls ?? [],
  }));
  const available = rowsOf<AvailableNumberRecord>(raw, 'available', problems).map((a) => ({
    ...a,
    country_code: a.country_code ?? 'US',
    number_type: a.number_type ?? 'mobile',
    upfront_cost: a.upfront_cost ?? '1.00',
    monthly_cost: a.monthly_cost ?? '1.00',
    features: a.features ?? ['voice'],
    region_information: a.region_information ?? [],
  }));
  const recordings = rowsOf<RecordingRecord>(raw, 'recordings', problems).map((r) => ({
    id: r.id,
    public_id: typeof r.public_id === 'string' ? r.public_id.toLowerCase() : r.public_id,
    project_id: r.project_id,
    external_id: r.external_id ?? null,
    name: r.name ?? null,
    status: r.status ?? 'completed',
    language: r.language ?? 'en',
    duration_ms: r.duration_ms ?? null,
    file_name: r.file_name ?? null,
    file_size: r.file_size ?? null,
    created_at: r.created_at ?? EPOCH,
    updated_at: r.updated_at ?? r.created_at ?? EPOCH,
    deleted_at: r.deleted_at ?? null,
    analysis: r.analysis ?? {},
  }));
  if (problems.length > 0) throw new SandboxDataError(source, problems);
  // Unknown fields were dropped above; what is left is checked exactly like a data file.
  return checkSandboxData({ keys, projects, operators, virtual_numbers, available, recordings, canned_analysis: canned }, source);
}

/**
 * Reads, normalises and checks a seed file (the packaged one by default).
 * @throws Error when it cannot be read or parsed; SandboxDataError when it is not a valid seed.
 */
export function loadSeedFile(path: string = defaultSeedPath): SandboxData {
  let input: SeedInput;
  try {
    input = JSON.parse(readFileSync(path, 'utf8')) as SeedInput;
  } catch (e) {
    throw new Error(`Cannot read seed file ${path}: ${(e as Error).message}`);
  }
  return normaliseSeed(input, `seed file ${path}`);
}
