/**
 * The sandbox's records: what the store keeps for each resource, the API keys, and the seed/data
 * file format (the same shape, so a data file is a seed file that has lived). Every field that the
 * API also shows is typed from `@identitycall/types` (generated from the spec), so a spec change
 * that renames or retypes one breaks the sandbox's build instead of drifting silently; the fields
 * only the sandbox keeps (project links, routing, soft deletion, …) are its own.
 * @see ../../fixtures/seed.json
 */
import type { Permission } from '@identitycall/openapi';
import type {
  AvailableVirtualNumber,
  GoalEvaluation,
  KeywordDetection,
  NumberType,
  OperatorBase,
  PauseEvent,
  ProjectDetail,
  RecordingDetail,
  RecordingStatus,
  RecordingSummary,
  RecordingTranscription,
  RecordingUpload,
  TranscriptDialogue,
  VirtualNumberDetail,
  VirtualNumberStats,
} from '@identitycall/types';

export type { Permission, RecordingStatus, VirtualNumberStats };

/**
 * The documented key format: `idc_` followed by 32 alphanumeric characters. The spec states it
 * only as prose (`bearerFormat`), so it is written here once.
 */
export const API_KEY_PATTERN = /^idc_[A-Za-z0-9]{32}$/;

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

/**
 * A virtual number: its detail fields except the operator lists (computed from `routing`), plus its
 * project (or none), how it was bought, and its routing list.
 */
export type VirtualNumberRecord = Omit<VirtualNumberDetail, 'operators' | 'available_operators'> & {
  number_type: NumberType | null;
  project_id: number | null;
  upfront_cost: string | null;
  monthly_cost: string | null;
  routing: RoutingEntry[];
};

/** A number in the `available` catalogue (provider pass-through fields kept as they are). */
export type AvailableNumberRecord = AvailableVirtualNumber & {
  country_code: string;
  number_type: NumberType;
};

/**
 * The analysis of a recording (canned), served once it is `completed`: the transcription, results
 * and summary fields of the API.
 */
export interface RecordingAnalysis {
  speakers: RecordingSummary['speakers'];
  goal_achievement: RecordingSummary['goal_achievement'];
  summary: RecordingSummary['summary'];
  full_text: RecordingTranscription['full_text'];
  dialogues: TranscriptDialogue[];
  goals: GoalEvaluation[];
  keywords: KeywordDetection[];
  pauses: PauseEvent[];
}

/**
 * A recording: its detail fields except the counts (computed from the analysis), with `name` and
 * `duration_ms` null until known, plus its project, idempotency key, file, soft deletion and
 * analysis overrides.
 */
export type RecordingRecord = Pick<RecordingDetail, 'id' | 'status' | 'language' | 'created_at' | 'updated_at'> & {
  public_id: NonNullable<RecordingDetail['public_id']>;
  name: RecordingDetail['name'] | null;
  duration_ms: RecordingDetail['duration_ms'] | null;
  project_id: number;
  external_id: NonNullable<RecordingUpload['external_id']> | null;
  file_name: string | null;
  file_size: number | null;
  /** When the recording was soft-deleted (it then answers 404), or null. */
  deleted_at: string | null;
  /** Overrides of the canned analysis for this recording (empty: the canned one as it is). */
  analysis: Partial<RecordingAnalysis>;
};

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
