/**
 * `x-volatile`: which properties of a resource may change between two reads with no write to it,
 * read from the real document and from edited copies that mark them in each way the reader follows.
 */
import { describe, expect, it } from 'vitest';
import { getOperation, loadSpec, volatileFields, withoutVolatile, type OpenAPIDocument } from './index.js';

const doc = loadSpec();

function edited(edit: (d: OpenAPIDocument) => void): OpenAPIDocument {
  const copy = structuredClone(doc) as OpenAPIDocument;
  edit(copy);
  return copy;
}
const schemas = (d: OpenAPIDocument) => d.components!.schemas as Record<string, Record<string, any>>;

describe('volatileFields', () => {
  it('a virtual number: its account-wide operator list and its call activity, on every operation that answers one', () => {
    const detail = volatileFields(doc, 'getVirtualNumber');
    expect(detail.sort()).toEqual(['available_operators', 'recent_calls', 'stats']);
    for (const id of ['updateVirtualNumber', 'addVirtualNumberOperator', 'removeVirtualNumberOperator'])
      expect(volatileFields(doc, id).sort(), id).toEqual(detail);
  });

  it('nothing on the resources whose every field changes only by a write to them', () => {
    for (const id of ['getOperator', 'updateOperator', 'getProject', 'updateProject', 'getRecording', 'purchaseVirtualNumber'])
      expect(volatileFields(doc, id), id).toEqual([]);
  });

  it('follows a mark on the referenced schema and on allOf parts', () => {
    const d = edited((c) => {
      schemas(c).AttachedOperator!['x-volatile'] = true;
      schemas(c).VirtualNumberBase!.properties.active['x-volatile'] = true;
      schemas(c).VirtualNumberDetail!.allOf[1].properties.operators = { $ref: '#/components/schemas/AttachedOperator' };
    });
    expect(volatileFields(d, 'getVirtualNumber').sort()).toEqual(['active', 'available_operators', 'operators', 'recent_calls', 'stats']);
  });

  it('ignores a mark that is not literally true', () => {
    const d = edited((c) => {
      schemas(c).VirtualNumberDetail!.allOf[1].properties.stats['x-volatile'] = 'yes';
    });
    expect(volatileFields(d, 'getVirtualNumber').sort()).toEqual(['available_operators', 'recent_calls']);
  });

  it('fails loudly for an operation without a JSON success response, and for an unknown one', () => {
    const op = getOperation(doc, 'getOperator');
    const d = edited((c) => {
      delete (c.paths[op.path] as Record<string, any>).get.responses['200'];
    });
    expect(() => volatileFields(d, 'getOperator')).toThrow('getOperator has no success response with a JSON body in the spec');
    expect(() => volatileFields(doc, 'noSuchOperation')).toThrow('No operation with operationId "noSuchOperation"');
  });
});

describe('withoutVolatile', () => {
  it('drops the volatile properties of a resource and keeps every other one, without touching the input', () => {
    const number = {
      id: 7,
      name: 'Line',
      routing_strategy: 'round_robin',
      operators: [],
      stats: { total_calls: 3 },
      available_operators: [{ id: 1 }],
      recent_calls: [],
    };
    const copy = structuredClone(number);
    expect(withoutVolatile(doc, 'getVirtualNumber', number)).toEqual({
      id: 7,
      name: 'Line',
      routing_strategy: 'round_robin',
      operators: [],
    });
    expect(number).toEqual(copy);
  });

  it('returns what is not an object as it is (a failed call, a list)', () => {
    expect(withoutVolatile(doc, 'getVirtualNumber', undefined)).toBeUndefined();
    expect(withoutVolatile(doc, 'getVirtualNumber', null)).toBeNull();
    expect(withoutVolatile(doc, 'getVirtualNumber', [1, 2])).toEqual([1, 2]);
  });
});
