/**
 * JSON schemas of the sandbox's records, built from the spec's component schemas: a record
 * mirrors an API representation (an operator is `OperatorBase` without the derived `initials`),
 * so its fields are checked with the spec's own rules, and only the fields the sandbox alone keeps
 * (project links, routing, soft deletion, …) are described here.
 * @see ./model.ts
 */
import { PERMISSIONS, type JsonSchema, type OpenAPIDocument } from '@identitycall/openapi';
import { schemaFields } from '../validation/schema-fields.js';
import { API_KEY_PATTERN } from './model.js';

/** The data file sections that hold lists of records. */
export const RECORD_SECTIONS = ['keys', 'projects', 'operators', 'virtual_numbers', 'available', 'recordings'] as const;

/** One section of records. */
export type RecordSection = (typeof RECORD_SECTIONS)[number];

/** A schema for each section's records, and for the canned analysis. */
export interface RecordSchemas {
  records: Record<RecordSection, JsonSchema>;
  cannedAnalysis: JsonSchema;
}

type Properties = Record<string, JsonSchema>;

/** Builds the record schemas from `doc`. @throws Error when a component or field they need is missing. */
export function recordSchemas(doc: OpenAPIDocument): RecordSchemas {
  const component = (name: string): Properties => {
    if (!doc.components?.schemas?.[name]) throw new Error(`The spec has no components.schemas.${name}, which the sandbox's records mirror`);
    return schemaFields(doc, { $ref: `#/components/schemas/${name}` }).properties;
  };
  const field = (name: string, property: string): JsonSchema => {
    const schema = component(name)[property];
    if (schema === undefined) throw new Error(`The spec's ${name} has no "${property}", which the sandbox's records mirror`);
    return schema;
  };
  const pick = (name: string, names: readonly string[]): Properties => Object.fromEntries(names.map((n) => [n, field(name, n)]));
  const omit = (name: string, names: readonly string[]): Properties =>
    Object.fromEntries(Object.entries(component(name)).filter(([n]) => !names.includes(n)));
  const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
  // Every field of a record is present (null where empty); records are closed, as the sandbox writes them.
  const record = (properties: Properties): JsonSchema => ({
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  });

  const projectId = field('ProjectBase', 'id');
  const analysisFields: Properties = {
    ...pick('RecordingTranscription', ['full_text', 'dialogues']),
    ...pick('RecordingResults', ['goals', 'keywords', 'pauses']),
    ...pick('RecordingSummary', ['summary', 'speakers', 'goal_achievement']),
  };

  return {
    records: {
      keys: record({
        key: { type: 'string', pattern: API_KEY_PATTERN.source },
        name: { type: 'string' },
        permissions: { type: 'array', items: { enum: [...PERMISSIONS] }, uniqueItems: true },
        project_id: nullable(projectId),
      }),
      projects: record(omit('ProjectDetail', ['recordings_count', 'virtual_numbers_count'])),
      operators: record({
        ...omit('OperatorBase', ['initials']),
        project_ids: { type: 'array', items: projectId, uniqueItems: true },
      }),
      virtual_numbers: record({
        ...omit('VirtualNumberDetail', ['operators', 'available_operators']),
        number_type: nullable(field('AvailableVirtualNumber', 'number_type')),
        project_id: nullable(projectId),
        upfront_cost: nullable(field('AvailableVirtualNumber', 'upfront_cost')),
        monthly_cost: nullable(field('AvailableVirtualNumber', 'monthly_cost')),
        routing: {
          type: 'array',
          items: record({ operator_id: field('OperatorBase', 'id'), priority: { type: 'integer', minimum: 0 } }),
        },
      }),
      // Provider pass-through: open like the spec's schema, with the two fields purchase copies.
      available: {
        type: 'object',
        allOf: [{ $ref: '#/components/schemas/AvailableVirtualNumber' }],
        required: ['country_code', 'number_type'],
      },
      recordings: record({
        ...pick('RecordingDetail', ['id', 'public_id', 'status', 'language', 'created_at', 'updated_at']),
        name: nullable(field('RecordingDetail', 'name')),
        duration_ms: nullable(field('RecordingDetail', 'duration_ms')),
        project_id: projectId,
        external_id: nullable(field('RecordingUpload', 'external_id')),
        file_name: nullable({ type: 'string' }),
        file_size: nullable({ type: 'integer', minimum: 0 }),
        deleted_at: nullable(field('RecordingDetail', 'updated_at')),
        analysis: { type: 'object', properties: analysisFields, additionalProperties: false },
      }),
    },
    cannedAnalysis: record(analysisFields),
  };
}
