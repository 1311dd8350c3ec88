/**
 * The sandbox's records: what the store keeps for each resource, the API keys, and the seed/data
 * file format (the same shape, so a data file is a seed file that has lived).
 * @see ../../fixtures/seed.json
 */

/** An API key permission. */
export type Permission = 'read' | 'write' | 'delete';

/** An API key as the seed defines it. */
export interface ApiKeyRecord {
  /** The bearer token: `idc_` followed by 32 alphanumerics. */
  key: string;
  /** A label shown by the CLI. */
  name: string;
  permissions: Permission[];
  /** The bound project, or null for an account-wide key. */
  project_id: number | null;
}

/** A project. `created_at`/`updated_at` are ISO 8601 strings with a `Z` suffix. */
export interface ProjectRecord {
  id: number;
  name: string;
  language: string | null;
  industry: string | null;
  description: string | null;
  goal_language: string | null;
  summary_language: string | null;
  long_pause_threshold_seconds: number | null;
  transcription_hints: string | null;
  retention_days: number | null;
  quality_baseline_enabled: boolean;
  quality_baseline_pct: number | null;
  created_at: string;
  updated_at: string;
}

/** An operator and the projects it is linked to (the OperatorProject join rows). */
export interface OperatorRecord {
  id: number;
  name: string;
  phone_number: string;
  email: string | null;
  active: boolean;
  project_ids: number[];
}

/** One operator on a number's routing list. */
export interface RoutingEntry {
  operator_id: number;
  priority: number;
}

/** Call statistics of a virtual number. */
export interface VirtualNumberStats {
  total_calls: number;
  answered_calls: number;
  missed_calls: number;
  average_duration_seconds: number;
}

/** A virtual number, its project (or none) and its routing list. */
export interface VirtualNumberRecord {
  id: number;
  phone_number: string;
  name: string | null;
  country_code: string;
  number_type: string | null;
  active: boolean;
  recording: boolean;
  routing_strategy: string;
  ai_receptionist_enabled: boolean;
  project_id: number | null;
  upfront_cost: string | null;
  monthly_cost: string | null;
  stats: VirtualNumberStats;
  routing: RoutingEntry[];
  recent_calls: Record<string, unknown>[];
}

/** A number in the `available` catalogue (provider pass-through fields kept as they are). */
export interface AvailableNumberRecord {
  phone_number: string;
  country_code: string;
  number_type: string;
  upfront_cost: string;
  monthly_cost: string;
  features: string[];
  region_information: Array<Record<string, unknown>>;
  [extra: string]: unknown;
}

/** Processing status of a recording. */
export type RecordingStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** A recording. The analysis (transcription, results, summary) is canned and kept with it. */
export interface RecordingRecord {
  id: number;
  public_id: string;
  project_id: number;
  external_id: string | null;
  name: string | null;
  status: RecordingStatus;
  language: string;
  duration_ms: number | null;
  file_name: string | null;
  file_size: number | null;
  created_at: string;
  updated_at: string;
  /** When the recording was soft-deleted (it then answers 404), or null. */
  deleted_at: string | null;
  /** Overrides of the canned analysis for this recording (empty: the canned one as it is). */
  analysis: Partial<RecordingAnalysis>;
}

/** The analysis of a recording (canned), served once it is `completed`. */
export interface RecordingAnalysis {
  speakers: string[];
  goal_achievement: number;
  summary: string;
  full_text: string;
  dialogues: Array<Record<string, unknown>>;
  goals: Array<Record<string, unknown>>;
  keywords: Array<Record<string, unknown>>;
  pauses: Array<Record<string, unknown>>;
}

/** The whole account: the seed file format and the data file format. */
export interface SandboxData {
  keys: ApiKeyRecord[];
  projects: ProjectRecord[];
  operators: OperatorRecord[];
  virtual_numbers: VirtualNumberRecord[];
  available: AvailableNumberRecord[];
  recordings: RecordingRecord[];
  /** The analysis given to new uploads once they complete. */
  canned_analysis: RecordingAnalysis;
}
