/**
 * The sandbox's records: what the store keeps for each resource, the API keys, and the seed/data
 * file format (the same shape, so a data file is a seed file that has lived).
 * Fields that the API also shows are typed from `@identitycall/types`, so a spec change that
 * renames or retypes one breaks the sandbox's build instead of drifting silently.
 * @see ../../fixtures/seed.json
 */
import type {
  AvailableVirtualNumber,
  OperatorBase,
  ProjectDetail,
  RecordingStatus,
  RoutingStrategy,
  VirtualNumberStats,
} from '@identitycall/types';

export type { RecordingStatus, VirtualNumberStats };

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

/** A project: its API fields except the counts, which are computed. */
export type ProjectRecord = Omit<ProjectDetail, 'recordings_count' | 'virtual_numbers_count'>;

/** An operator (`initials` is derived) and the projects it is linked to (the OperatorProject join rows). */
export type OperatorRecord = Omit<OperatorBase, 'initials'> & {
  project_ids: number[];
};

/** One operator on a number's routing list. */
export interface RoutingEntry {
  operator_id: number;
  priority: number;
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
  routing_strategy: RoutingStrategy;
  ai_receptionist_enabled: boolean;
  project_id: number | null;
  upfront_cost: string | null;
  monthly_cost: string | null;
  stats: VirtualNumberStats;
  routing: RoutingEntry[];
  recent_calls: Record<string, unknown>[];
}

/** A number in the `available` catalogue (provider pass-through fields kept as they are). */
export type AvailableNumberRecord = AvailableVirtualNumber & {
  country_code: string;
  number_type: string;
};

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
