/**
 * Seed files: the account a sandbox starts from (and returns to on reset). A seed may leave out
 * optional fields and whole sections; they are filled with defaults here, and API keys are checked
 * against the documented format.
 * @see ../../fixtures/seed.json
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PERMISSIONS, isPermission } from '@identitycall/openapi';
import { API_KEY_PATTERN } from './model.js';
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

function fail(message: string): never {
  throw new Error(`Invalid seed: ${message}`);
}

/** Fills defaults and checks a seed. @throws Error naming the first problem. */
export function normaliseSeed(input: SeedInput): SandboxData {
  if (!input || typeof input !== 'object') fail('not a JSON object');
  const canned = { ...EMPTY_ANALYSIS, ...(input.canned_analysis ?? {}) };
  const keys = (input.keys ?? []).map((k): ApiKeyRecord => {
    if (!API_KEY_PATTERN.test(k.key)) fail(`key "${k.key}" is not idc_ followed by 32 alphanumerics`);
    const permissions = k.permissions ?? [...PERMISSIONS];
    for (const p of permissions) if (!isPermission(p)) fail(`key "${k.key}" has unknown permission "${p}"`);
    return { key: k.key, name: k.name ?? k.key.slice(0, 8), permissions, project_id: k.project_id ?? null };
  });
  const projects = (input.projects ?? []).map(
    (p): ProjectRecord => ({
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
    }),
  );
  const operators = (input.operators ?? []).map(
    (o): OperatorRecord => ({
      id: o.id,
      name: o.name,
      phone_number: o.phone_number,
      email: o.email ?? null,
      active: o.active ?? true,
      project_ids: o.project_ids ?? [],
    }),
  );
  const virtual_numbers = (input.virtual_numbers ?? []).map(
    (n): VirtualNumberRecord => ({
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
      routing: (n.routing ?? []).map((e, i) => ({ operator_id: e.operator_id, priority: e.priority ?? i })),
      recent_calls: n.recent_calls ?? [],
    }),
  );
  const available = (input.available ?? []).map(
    (a): AvailableNumberRecord => ({
      ...a,
      phone_number: a.phone_number,
      country_code: a.country_code ?? 'US',
      number_type: a.number_type ?? 'mobile',
      upfront_cost: a.upfront_cost ?? '1.00',
      monthly_cost: a.monthly_cost ?? '1.00',
      features: a.features ?? ['voice'],
      region_information: a.region_information ?? [],
    }),
  );
  const recordings = (input.recordings ?? []).map((r): RecordingRecord => {
    if (!r.public_id) fail(`recording ${r.id} has no public_id`);
    return {
      id: r.id,
      public_id: r.public_id.toLowerCase(),
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
    };
  });
  checkUnique('project', projects);
  checkUnique('operator', operators);
  checkUnique('virtual number', virtual_numbers);
  checkUnique('recording', recordings);
  return { keys, projects, operators, virtual_numbers, available, recordings, canned_analysis: canned };
}

function checkUnique(kind: string, rows: Array<{ id: number }>): void {
  const seen = new Set<number>();
  for (const r of rows) {
    if (!Number.isSafeInteger(r.id) || r.id < 1) fail(`${kind} id ${String(r.id)} is not a positive integer`);
    if (seen.has(r.id)) fail(`duplicate ${kind} id ${r.id}`);
    seen.add(r.id);
  }
}

/** Reads and normalises a seed file (the packaged one by default). */
export function loadSeedFile(path: string = defaultSeedPath): SandboxData {
  let input: SeedInput;
  try {
    input = JSON.parse(readFileSync(path, 'utf8')) as SeedInput;
  } catch (e) {
    throw new Error(`Cannot read seed file ${path}: ${(e as Error).message}`);
  }
  return normaliseSeed(input);
}
