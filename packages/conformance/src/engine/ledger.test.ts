/** The safety guard: a request that changes something names only what the run created, or an id that cannot exist. */
import { describe, expect, it } from 'vitest';
import { validator } from '../../test/helpers.js';
import { SafetyError } from '../errors.js';
import { ABSENT_ID, ABSENT_RECORDING, isAbsent, Ledger } from './ledger.js';

const op = (id: string) => validator.operation(id);

describe('Ledger.guard', () => {
  const ledger = new Ledger();
  ledger.adopt({ kind: 'operators', id: 501 });
  ledger.adopt({ kind: 'recordings', id: 77, publicId: '0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee' });
  ledger.adopt({ kind: 'projects', id: 900 });

  it.each([
    { name: 'PATCH of an owned operator', op: 'updateOperator', method: 'PATCH', path: { id: '501' }, refs: {}, refused: false },
    {
      name: 'DELETE of an owned recording by public_id (any case)',
      op: 'deleteRecording',
      method: 'DELETE',
      path: { id: '0190AAAA-BBBB-7CCC-8DDD-EEEEEEEEEEEE' },
      refs: {},
      refused: false,
    },
    {
      name: 'PATCH of an id that cannot exist',
      op: 'updateOperator',
      method: 'PATCH',
      path: { id: String(ABSENT_ID) },
      refs: {},
      refused: false,
    },
    { name: 'DELETE of a non-id', op: 'deleteOperator', method: 'DELETE', path: { id: 'abc' }, refs: {}, refused: false },
    { name: 'GET of anything', op: 'getOperator', method: 'GET', path: { id: '42' }, refs: {}, refused: false },
    {
      name: 'PATCH of an operator the run did not create',
      op: 'updateOperator',
      method: 'PATCH',
      path: { id: '42' },
      refs: {},
      refused: true,
    },
    {
      name: 'DELETE of a recording the run did not create',
      op: 'deleteRecording',
      method: 'DELETE',
      path: { id: '123' },
      refs: {},
      refused: true,
    },
    {
      name: 'an owned operator as operator_id',
      op: 'addVirtualNumberOperator',
      method: 'POST',
      path: { id: String(ABSENT_ID) },
      refs: { operator_id: 501 },
      refused: false,
    },
    {
      name: "someone else's operator as operator_id",
      op: 'addVirtualNumberOperator',
      method: 'POST',
      path: { id: String(ABSENT_ID) },
      refs: { operator_id: 22 },
      refused: true,
    },
    {
      name: "someone else's project as project_id",
      op: 'uploadRecording',
      method: 'POST',
      path: {},
      refs: { project_id: '42' },
      refused: true,
    },
    {
      name: 'an owned project as project_id',
      op: 'uploadRecording',
      method: 'POST',
      path: {},
      refs: { project_id: '900' },
      refused: false,
    },
  ])('$name → refused: $refused', ({ op: id, method, path, refs, refused }) => {
    const act = () => ledger.guard(op(id), method, path, refs);
    if (refused) expect(act).toThrow(SafetyError);
    else expect(act).not.toThrow();
  });
});

describe('the ledger', () => {
  it('lists live resources newest first and forgets deleted ones', () => {
    const ledger = new Ledger();
    ledger.adopt({ kind: 'operators', id: 1 });
    ledger.adopt({ kind: 'operators', id: 2 });
    ledger.adopt({ kind: 'operators', id: 2 });
    ledger.markDeleted('operators', 1);
    expect(ledger.live('operators').map((r) => r.id)).toEqual([2]);
    expect(ledger.all()).toHaveLength(2);
  });

  it.each([
    [ABSENT_ID, true],
    [ABSENT_RECORDING, true],
    ['0', true],
    ['-1', true],
    ['1.5', true],
    ['not-an-id', true],
    ['42', false],
    [7, false],
  ])('isAbsent(%s) = %s', (value, absent) => {
    expect(isAbsent(value)).toBe(absent);
  });
});
