/** error_envelope: messages come from the spec's examples, and an error body must be an envelope carrying the right one. */
import { formatBytes, jsonBodyLimit, messageTemplate, responseMessage } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { doc, exchangeOf, validator } from '../../test/helpers.js';
import { checkErrorEnvelope, errorSchemas, expectMessages, situations } from './error-envelope.js';

const op = (id: string) => validator.operation(id);
const schemas = errorSchemas(validator);

describe('documented messages, read from the spec', () => {
  it.each([
    {
      name: '401 of any operation: every documented wording',
      got: () => situations.unauthorized(op('getOperator'))?.messages,
      want: ['Invalid API key', 'Invalid or expired API key', 'Unauthorized'],
    },
    {
      name: 'a missing write permission',
      got: () => situations.permission(doc, op('createProject'))?.messages,
      want: ['Write permission required'],
    },
    {
      name: 'a missing delete permission',
      got: () => situations.permission(doc, op('deleteProject'))?.messages,
      want: ['Delete permission required'],
    },
    {
      name: 'a missing read permission',
      got: () => situations.permission(doc, op('listOperators'))?.messages,
      want: ['Read permission required'],
    },
    {
      name: 'a project-scoped key creating a project',
      got: () => situations.projectScoped(op('createProject'))?.messages,
      want: ['Project-scoped API keys cannot create or destroy projects'],
    },
    { name: 'a resource that is not there', got: () => situations.notFound(op('getRecording'))?.messages, want: ['Resource not found'] },
    {
      name: 'an unfinished transcription',
      got: () => situations.named(op('getRecordingTranscription'), 422, 'transcriptionNotAvailable')?.messages,
      want: ['Transcription not available'],
    },
    {
      name: 'an unsupported upload',
      got: () => situations.named(op('uploadRecording'), 422, 'invalidFileType')?.messages,
      want: ['Invalid file type'],
    },
  ])('$name', ({ got, want }) => {
    expect(got()).toEqual(want);
  });

  it('reads messages from both envelopes', () => {
    expect(expectMessages(op('updateOperator'), 422)?.messages).toEqual(['Phone number is invalid', "Name can't be blank"]);
  });
});

describe('checkErrorEnvelope', () => {
  const notFound = situations.notFound(op('getOperator'));
  it.each([
    {
      name: 'the documented message',
      e: exchangeOf({ status: 404, body: { error: 'Resource not found' } }),
      expected: notFound,
      fails: false,
    },
    {
      name: 'an errors list holding it',
      e: exchangeOf({ status: 422, body: { errors: ['Phone number is invalid', 'x'] } }),
      expected: situations.named(op('updateOperator'), 422, 'phoneNumberInvalid'),
      fails: false,
    },
    {
      name: 'any envelope when no message is documented for the situation',
      e: exchangeOf({ status: 422, body: { errors: ['Active must be a boolean'] } }),
      expected: undefined,
      fails: false,
    },
    { name: 'another message', e: exchangeOf({ status: 404, body: { error: 'Not found' } }), expected: notFound, fails: true },
    {
      name: 'a body that is neither envelope',
      e: exchangeOf({ status: 404, body: { message: 'Resource not found' } }),
      expected: notFound,
      fails: true,
    },
    {
      name: 'an HTML error page',
      e: exchangeOf({ status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' }),
      expected: undefined,
      fails: true,
    },
    {
      name: 'malformed JSON worded as the template',
      e: exchangeOf({
        status: 400,
        body: { error: messageTemplate(doc, 'MalformedJson').format({ detail: 'Unexpected end of JSON input' }) },
      }),
      expected: situations.malformedJson(doc),
      fails: false,
    },
    {
      name: 'malformed JSON worded otherwise',
      e: exchangeOf({ status: 400, body: { error: 'Bad request' } }),
      expected: situations.malformedJson(doc),
      fails: true,
    },
    {
      name: "a body over the limit with PayloadTooLarge's message",
      e: exchangeOf({ status: 413, body: { error: responseMessage(doc, 'PayloadTooLarge') } }),
      expected: situations.tooLarge(doc, op('createOperator')),
      fails: false,
    },
    {
      name: 'a body over the limit with a message naming the limit',
      e: exchangeOf({ status: 413, body: { error: `Too large (limit ${formatBytes(jsonBodyLimit(doc))})` } }),
      expected: situations.tooLarge(doc, op('createOperator')),
      fails: false,
    },
    {
      name: 'a body over the limit with a message that does not say what the limit is',
      e: exchangeOf({ status: 413, body: { error: 'Payload too large' } }),
      expected: situations.tooLarge(doc, op('createOperator')),
      fails: true,
    },
  ])('$name → fails: $fails', ({ e, expected, fails }) => {
    const failures = checkErrorEnvelope(validator, schemas, 'getOperator', e, expected);
    expect(failures.length > 0).toBe(fails);
    for (const f of failures) expect(f.check).toBe('error_envelope');
  });

  it('says which message was expected, and where it is documented', () => {
    const [failure] = checkErrorEnvelope(
      validator,
      schemas,
      'getOperator',
      exchangeOf({ status: 404, body: { error: 'Not found' } }),
      notFound,
    );
    expect(failure!.message).toContain('"Not found" is not the documented "Resource not found" (404 examples of getOperator)');
  });
});
