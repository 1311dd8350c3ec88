/**
 * Checks a seed or data file against the model before the sandbox starts from it: every record
 * against its schema (built from the spec's, see ./record-schemas.ts), then the rules that tie
 * records together (unique ids, references that resolve, at least one key). A file that fails is
 * refused with every problem named by file, record and field; it is never rewritten.
 * @see ../../README.md#seeds
 */
import { loadSpec, type JsonSchema } from '@identitycall/openapi';
import { specValidator } from '../validation/spec-validator.js';
import type { SandboxData } from './model.js';
import { RECORD_SECTIONS, recordSchemas, type RecordSchemas, type RecordSection } from './record-schemas.js';

/** How many problems an error lists before it says how many more there are. */
const MAX_LISTED = 20;

/** A seed or data file (or seed object) the sandbox refuses to start from. */
export class SandboxDataError extends Error {
  constructor(
    /** What was read: `data file /path`, `seed file /path` or `seed`. */
    readonly source: string,
    /** One line per problem: the record (section and index, with its id), the field and what is wrong. */
    readonly problems: readonly string[],
  ) {
    const listed = problems.slice(0, MAX_LISTED).map((p) => `  ${p}`);
    if (problems.length > MAX_LISTED) listed.push(`  … and ${problems.length - MAX_LISTED} more`);
    super(`Invalid ${source} (nothing was started or written):\n${listed.join('\n')}`);
    this.name = 'SandboxDataError';
  }
}

let schemas: RecordSchemas | undefined;
const schemasOf = (): RecordSchemas => (schemas ??= recordSchemas(loadSpec()));

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `/recent_calls/0/id` → `recent_calls[0].id`. */
const fieldName = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');

function valueAt(record: unknown, pointer: string): unknown {
  let node = record;
  for (const part of pointer.split('/').slice(1))
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

const shown = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** Plain words for the schema keywords whose raw message says less than the rule does. */
function reword(section: string, pointer: string, text: string): string {
  const allowed = /^must be equal to one of the allowed values (\[.*\])$/.exec(text);
  if (allowed) {
    const values = (JSON.parse(allowed[1]!) as unknown[]).map(String).join(', ');
    return section === 'keys' && /^\/permissions\/\d+$/.test(pointer)
      ? `is an unknown permission (known: ${values})`
      : `is not one of: ${values}`;
  }
  if (section === 'keys' && pointer === '/key' && /^must match pattern /.test(text)) return 'is not idc_ followed by 32 alphanumerics';
  const format = /^must match format "(.+)"$/.exec(text);
  if (format) return `is not a valid ${format[1]}`;
  return text;
}

/**
 * The validator's messages for one record as `field "x" …` phrases: one per field, the branches of
 * a nullable field joined ("must be string or null"), with the value found.
 */
function describeErrors(section: string, record: unknown, raw: readonly string[]): string[] {
  const byField = new Map<string, string[]>();
  const add = (pointer: string, text: string) => byField.set(pointer, [...(byField.get(pointer) ?? []), text]);
  for (const message of raw) {
    const m = /^(\(root\)|\/\S*) (.*)$/.exec(message);
    if (!m) {
      add('', message);
      continue;
    }
    const pointer = m[1] === '(root)' ? '' : m[1]!;
    const text = m[2]!;
    const missing = /^must have required property '(.+)'$/.exec(text);
    const extra = /^must NOT have additional properties "(.+)"$/.exec(text);
    if (missing) add(`${pointer}/${missing[1]}`, 'is missing');
    else if (extra) add(`${pointer}/${extra[1]}`, 'is not a field of this record');
    else if (!/^must match (a|exactly one) schema in (anyOf|oneOf)$/.test(text)) add(pointer, reword(section, pointer, text));
  }
  return [...byField].map(([pointer, texts]) => {
    const types = texts.map((t) => /^must be (\w+)$/.exec(t)?.[1]).filter((t): t is string => t !== undefined);
    const rest = texts.filter((t) => !/^must be \w+$/.test(t));
    const what = [...(types.length ? [`must be ${types.join(' or ')}`] : []), ...rest].join('; ');
    const name = fieldName(pointer);
    const got = what === 'is missing' || what === 'is not a field of this record' ? '' : `, got ${shown(valueAt(record, pointer))}`;
    return name === '' ? `${what}${got}` : `field "${name}" ${what}${got}`;
  });
}

/** How a problem names its record: `operators[3] (id 42)`, `keys[0] (idc_sand…)`. */
function recordName(section: RecordSection, index: number, record: unknown): string {
  if (!isObject(record)) return `${section}[${index}]`;
  if (section === 'keys' && typeof record.key === 'string') return `${section}[${index}] (${record.key.slice(0, 12)}…)`;
  if (section === 'available' && typeof record.phone_number === 'string') return `${section}[${index}] (${record.phone_number})`;
  if (typeof record.id === 'number' || typeof record.id === 'string') return `${section}[${index}] (id ${String(record.id)})`;
  return `${section}[${index}]`;
}

/** The rules between records; each problem is one line. Runs only on records that passed their schemas. */
function relations(data: SandboxData): string[] {
  const problems: string[] = [];
  if (data.keys.length === 0) problems.push('keys: the account needs at least one API key (without one every request answers 401)');
  const projectIds = new Set(data.projects.map((p) => p.id));
  const operatorIds = new Set(data.operators.map((o) => o.id));

  const unique = <T>(section: RecordSection, rows: readonly T[], keyOf: (r: T) => unknown, label: string) => {
    const seen = new Map<unknown, number>();
    rows.forEach((r, i) => {
      const key = keyOf(r);
      if (key === undefined) return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else problems.push(`${recordName(section, i, r)}: duplicate ${label} ${shown(key)} (also ${section}[${first}])`);
    });
  };
  const kinds = { projects: 'project', operators: 'operator', virtual_numbers: 'virtual number', recordings: 'recording' } as const;
  for (const section of ['projects', 'operators', 'virtual_numbers', 'recordings'] as const) {
    const rows: ReadonlyArray<{ id: number }> = data[section];
    rows.forEach((r, i) => {
      // Ids count up from the largest one and are path parameters: positive safe integers.
      if (!Number.isSafeInteger(r.id) || r.id < 1)
        problems.push(`${recordName(section, i, r)}: ${kinds[section]} id ${String(r.id)} is not a positive integer`);
    });
    unique(section, rows, (r) => r.id, `${kinds[section]} id`);
  }
  unique('keys', data.keys, (k) => k.key, 'key');
  unique('recordings', data.recordings, (r) => r.public_id.toLowerCase(), 'public_id');
  unique(
    'recordings',
    data.recordings,
    (r) => (r.external_id === null || r.deleted_at !== null ? undefined : `${r.project_id} ${r.external_id}`),
    '(project_id, external_id) pair',
  );
  unique('available', data.available, (a) => a.phone_number, 'phone_number');

  const refer = (where: string, field: string, id: number | null, ids: Set<number>, kind: string) => {
    if (id !== null && !ids.has(id)) problems.push(`${where}: field "${field}" names ${kind} ${id}, which is not in the file`);
  };
  data.keys.forEach((k, i) => refer(recordName('keys', i, k), 'project_id', k.project_id, projectIds, 'project'));
  data.operators.forEach((o, i) =>
    o.project_ids.forEach((p, j) => refer(recordName('operators', i, o), `project_ids[${j}]`, p, projectIds, 'project')),
  );
  data.virtual_numbers.forEach((n, i) => {
    const where = recordName('virtual_numbers', i, n);
    refer(where, 'project_id', n.project_id, projectIds, 'project');
    n.routing.forEach((e, j) => refer(where, `routing[${j}].operator_id`, e.operator_id, operatorIds, 'operator'));
    const routed = n.routing.map((e) => e.operator_id);
    if (new Set(routed).size !== routed.length) problems.push(`${where}: field "routing" lists an operator twice`);
  });
  data.recordings.forEach((r, i) => {
    const where = recordName('recordings', i, r);
    refer(where, 'project_id', r.project_id, projectIds, 'project');
    // Lookups by public_id are case-insensitive because the index is lower case.
    if (r.public_id !== r.public_id.toLowerCase())
      problems.push(`${where}: field "public_id" must be lower case, got ${shown(r.public_id)}`);
  });
  return problems;
}

/**
 * Checks `input` as the whole account (the data file's `data`, or a seed after defaults).
 * @returns the input, typed, when it is valid.
 * @throws SandboxDataError listing every problem.
 */
export function checkSandboxData(input: unknown, source: string): SandboxData {
  const { records, cannedAnalysis } = schemasOf();
  const validator = specValidator();
  if (!isObject(input)) throw new SandboxDataError(source, [`the account must be a JSON object, got ${shown(input)}`]);
  const problems: string[] = [];
  const known = new Set<string>([...RECORD_SECTIONS, 'canned_analysis']);
  for (const name of Object.keys(input)) {
    if (!known.has(name)) problems.push(`"${name}" is not a section (sections: ${[...known].join(', ')})`);
  }
  const check = (section: string, where: string, schema: JsonSchema, value: unknown) => {
    const result = validator.validate(schema, value);
    for (const p of describeErrors(section, value, result.errors)) problems.push(`${where}: ${p}`);
  };
  for (const section of RECORD_SECTIONS) {
    const rows = input[section];
    if (rows === undefined) problems.push(`${section}: the section is missing`);
    else if (!Array.isArray(rows)) problems.push(`${section}: must be a list of records, got ${shown(rows)}`);
    else rows.forEach((row, i) => check(section, recordName(section, i, row), records[section], row));
  }
  if (input.canned_analysis === undefined) problems.push('canned_analysis: the section is missing');
  else check('canned_analysis', 'canned_analysis', cannedAnalysis, input.canned_analysis);
  // Relations are only meaningful between well-formed records.
  if (problems.length === 0) problems.push(...relations(input as unknown as SandboxData));
  if (problems.length > 0) throw new SandboxDataError(source, problems);
  return input as unknown as SandboxData;
}
