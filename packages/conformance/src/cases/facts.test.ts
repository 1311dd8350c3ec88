/**
 * The facts generic cases steer by are read from the spec: what cannot be undone, what must be sent
 * first, which reads may answer "not ready", and what each operation needs from the setup.
 */
import { describe, expect, it } from 'vitest';
import { validator } from '../../test/helpers.js';
import { needsOf } from './common.js';
import { answersNotReady, createOf, deleteOf, hasPathId, isIrreversible, listOf, readOf, referenceFieldsOf, undoneBy } from './facts.js';

const ops = validator.operations;
const op = (id: string) => validator.operation(id);

describe('facts derived from the spec', () => {
  it('a purchase cannot be undone: no operation deletes a virtual number', () => {
    expect(ops.filter(isIrreversible).map((o) => o.operationId)).toEqual(['purchaseVirtualNumber']);
    expect(deleteOf('virtual_numbers')).toBeUndefined();
    expect(createOf('virtual_numbers')?.operationId).toBe('purchaseVirtualNumber');
  });

  it('Detach Operator undoes Attach Operator (x-undoes), and nothing else undoes anything', () => {
    expect(ops.flatMap((o) => (undoneBy(o) ? [[o.operationId, undoneBy(o)!.operationId]] : []))).toEqual([
      ['removeVirtualNumberOperator', 'addVirtualNumberOperator'],
    ]);
  });

  it('only the transcription may answer that what it reads is not ready', () => {
    expect(ops.filter(answersNotReady).map((o) => o.operationId)).toEqual(['getRecordingTranscription']);
  });

  it.each([
    { id: 'removeVirtualNumberOperator', fields: ['operator_id'] },
    { id: 'addVirtualNumberOperator', fields: ['operator_id'] },
    { id: 'uploadRecording', fields: ['project_id'] },
    { id: 'createOperator', fields: [] },
  ])('$id refers to $fields', ({ id, fields }) => {
    expect(referenceFieldsOf(op(id))).toEqual(fields);
  });

  it.each([
    { id: 'removeVirtualNumberOperator', needs: ['number', 'operator', 'purchase'] },
    { id: 'addVirtualNumberOperator', needs: ['number', 'operator', 'purchase'] },
    { id: 'purchaseVirtualNumber', needs: ['purchase'] },
    { id: 'uploadRecording', needs: ['project'] },
    { id: 'getRecordingTranscription', needs: ['recording'] },
    { id: 'createOperator', needs: [] },
  ])('$id needs $needs', ({ id, needs }) => {
    expect(needsOf(op(id)).sort()).toEqual([...needs].sort());
  });

  it.each([
    { kind: 'operators', list: 'listOperators', read: 'getOperator' },
    { kind: 'projects', list: 'listProjects', read: 'getProject' },
    { kind: 'recordings', list: 'listRecordings', read: 'getRecording' },
    { kind: 'virtual_numbers', list: 'listVirtualNumbers', read: 'getVirtualNumber' },
  ])('$kind are listed by $list and read by $read', ({ kind, list, read }) => {
    expect([listOf(kind)?.operationId, readOf(kind)?.operationId]).toEqual([list, read]);
  });

  it('every kind with an operation on one resource (a path id) has a list and a read', () => {
    const kinds = [...new Set(ops.filter(hasPathId).map((o) => o.path.split('/')[1]!))];
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect([kind, listOf(kind) !== undefined, readOf(kind) !== undefined]).toEqual([kind, true, true]);
  });
});
