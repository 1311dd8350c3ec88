/**
 * @identitycall/hostile-inputs — a bad-input corpus derived from the spec, seeded fuzzers for
 * uploads and operations, and a raw-socket runner that sends one case and judges the answer.
 *
 * ```ts
 * const target = { origin, basePath, authorization: 'Bearer idc_…' };
 * for (const c of cases(doc)) {
 *   const result = await sendCase(target, c);
 *   expect(judge(c, result)).toEqual([]);
 *   expect(judge(alive, await sendCase(target, alive))).toEqual([]);
 * }
 * ```
 */
export { bodyBytes, bytes, caseBytes, generated, text } from './case.js';
export type { Body, Expectation, Family, HostileCase, HttpSend, Need, RawSend } from './case.js';
export { formBody, formType, http, partHeaders } from './build.js';
export type { FormOptions, FormPart, HttpOptions } from './build.js';
export { cases } from './cases/index.js';
export type { CorpusOptions } from './cases/index.js';
export { aliveCase } from './alive.js';
export { multipartFuzzArbitrary, multipartFuzzCases, formModelArbitrary, formModelCase, mutate } from './fuzz/multipart.js';
export type { FormModel, Mutation } from './fuzz/multipart.js';
export { operationFuzzArbitrary, operationFuzzCases } from './fuzz/operations.js';
export { bodyPieces, requestHead, sendCase } from './runner.js';
export type { CaseResult, SendOptions, Target } from './runner.js';
export { envelopeMessages, judge, judgeExpectation } from './judge.js';
export { assertFuzzed, checkCase } from './check.js';
export type { CheckOptions, CheckResult } from './check.js';
export { viewOf } from './spec.js';
export type { SpecView } from './spec.js';
