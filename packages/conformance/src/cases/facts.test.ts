/**
 * The facts generic cases steer by are read from the spec: what cannot be undone, what must be sent
 * first, which reads may answer "not ready", and what each operation needs from the setup.
 */
import { describe, expect, it } from 'vitest';
import { validator } from '../../test/helpers.js';
import { needsOf } from './common.js';
import { answersNotReady, createOf, deleteOf, isIrreversible, referenceFieldsOf, undoneBy } from './facts.js';

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
});
