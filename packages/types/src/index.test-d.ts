/** Type-level checks that the generated types say what the spec says. */
import { describe, expectTypeOf, it } from 'vitest';
import type { Operator, OperatorCreate, OperatorDetail, OperatorUpdate, operations, paths } from './index.js';

describe('generated Operators types', () => {
  it('list items carry virtual_numbers_count, the detail carries virtual_numbers', () => {
    expectTypeOf<Operator['virtual_numbers_count']>().toEqualTypeOf<number>();
    expectTypeOf<OperatorDetail['virtual_numbers'][number]['phone_number']>().toEqualTypeOf<string>();
    expectTypeOf<OperatorDetail>().not.toHaveProperty('virtual_numbers_count');
  });

  it('email is nullable in responses and may be cleared with null on update only', () => {
    expectTypeOf<Operator['email']>().toEqualTypeOf<string | null>();
    expectTypeOf<OperatorUpdate['email']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<OperatorCreate['email']>().toEqualTypeOf<string | undefined>();
  });

  it('create requires name and phone_number; update requires nothing', () => {
    expectTypeOf<{ name: string; phone_number: string }>().toExtend<OperatorCreate>();
    expectTypeOf<{ name: string }>().not.toExtend<OperatorCreate>();
    expectTypeOf<{}>().toExtend<OperatorUpdate>();
  });

  it('update answers 200 with the operator detail and 422 with an errors list', () => {
    type Update = operations['updateOperator'];
    expectTypeOf<Update['responses'][200]['content']['application/json']['data']>().toEqualTypeOf<OperatorDetail>();
    expectTypeOf<Update['responses'][422]['content']['application/json']['errors']>().toEqualTypeOf<string[]>();
    expectTypeOf<paths['/operators/{id}']['patch']>().toEqualTypeOf<Update>();
  });

  it('delete answers 200 with a bare success flag', () => {
    type Deleted = operations['deleteOperator']['responses'][200]['content']['application/json'];
    expectTypeOf<Deleted>().toEqualTypeOf<{ success: true }>();
  });
});
