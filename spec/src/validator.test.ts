/** The validator factory finds the documented schema by operation and status and reports why a value fails. */
import { describe, expect, it } from 'vitest';
import { createValidator, loadSpec } from './index.js';

const validator = createValidator(loadSpec());
const jane = {
  id: 42,
  name: 'Jane Doe',
  phone_number: '+15551234567',
  email: null,
  active: true,
  initials: 'JD',
  virtual_numbers: [],
};

describe('createValidator', () => {
  it('accepts a body that matches the documented response', () => {
    expect(validator.validateResponse('getOperator', 200, { data: jane })).toEqual({ valid: true, errors: [] });
  });

  it('names the field when a required response field is missing', () => {
    const { initials: _omitted, ...withoutInitials } = jane;
    const result = validator.validateResponse('getOperator', 200, { data: withoutInitials });
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/initials/);
  });

  it('rejects a wrong type with the instance path', () => {
    const result = validator.validateResponse('getOperator', 200, { data: { ...jane, active: 'yes' } });
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/data/active must be boolean');
  });

  it('reports an undocumented status instead of validating it', () => {
    const result = validator.validateResponse('getOperator', 418, {});
    expect(result).toEqual({ valid: false, errors: ['status 418 is not documented for getOperator'] });
  });

  it('reports an undocumented content type', () => {
    const result = validator.validateResponse('getOperator', 200, { data: jane }, 'text/html');
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatch(/text\/html/);
  });

  it('validates request bodies: email may be null on update but not a number', () => {
    expect(validator.validateRequestBody('updateOperator', { email: null }).valid).toBe(true);
    expect(validator.validateRequestBody('updateOperator', { active: 'no' }).errors).toContain('/active must be boolean');
  });

  it('requires name and phone_number on create', () => {
    const result = validator.validateRequestBody('createOperator', {});
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/name/);
    expect(result.errors.join('\n')).toMatch(/phone_number/);
  });

  it('throws for an unknown operationId', () => {
    expect(() => validator.operation('nope')).toThrow(/nope/);
  });
});
