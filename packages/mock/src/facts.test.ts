/**
 * The facts the mock reads from the spec. That no source literal restates one of them is checked
 * for every package at once by the source-of-truth guard (packages/spec-review/src/guard).
 * @see ../../../spec/DECISIONS.md (B23)
 */
import { errorMessages, jsonBodyLimit, loadSpec, messageTemplate, responseMessage, uploadFormats } from '@identitycall/openapi';
import { describe, expect, it } from 'vitest';
import { bundledFacts, readFacts } from './facts.js';

const doc = loadSpec();

describe('readFacts', () => {
  it('reads every fact from the spec', () => {
    const facts = bundledFacts();
    const upload = facts.upload.operation;
    expect(facts.basePath).toBe(new URL(doc.servers![0]!.url).pathname.replace(/\/$/, ''));
    expect(facts.jsonBodyLimit).toBe(jsonBodyLimit(doc));
    expect(facts.payloadTooLarge).toBe(responseMessage(doc, 'PayloadTooLarge'));
    expect(facts.malformedJson.template).toBe(messageTemplate(doc, 'MalformedJson').template);
    expect(facts.uploadFormats).toEqual(uploadFormats(doc));
    expect(facts.upload).toMatchObject({
      fileRequired: errorMessages(upload, 400)[0],
      invalidFileType: errorMessages(upload, 422, (n) => n === 'invalidFileType')[0],
      fileTooLarge: errorMessages(upload, 422, (n) => n === 'fileTooLarge')[0],
    });
  });

  it('refuses a spec that lacks a fact the guard needs', () => {
    const copy = structuredClone(doc);
    delete (copy.components!.responses!.PayloadTooLarge as Record<string, unknown>).content;
    expect(() => readFacts(copy)).toThrow(/PayloadTooLarge/);
  });
});
