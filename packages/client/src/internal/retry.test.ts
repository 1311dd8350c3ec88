/** The retry policy on its own: which methods and statuses, and how long to wait. */
import { describe, expect, it } from 'vitest';
import { isIdempotentMethod, isRetryableStatus, retryDelay } from './retry.js';

describe('retryDelay', () => {
  it.each([
    { name: 'first retry, no jitter', retry: 1, retryAfter: undefined, random: 0, expected: 500 },
    { name: 'second retry doubles', retry: 2, retryAfter: undefined, random: 0, expected: 1000 },
    { name: 'fifth retry', retry: 5, retryAfter: undefined, random: 0, expected: 8000 },
    { name: 'tenth retry stays capped', retry: 10, retryAfter: undefined, random: 0, expected: 8000 },
    { name: 'full jitter takes 25% off', retry: 1, retryAfter: undefined, random: 1, expected: 375 },
    { name: 'half jitter', retry: 3, retryAfter: undefined, random: 0.5, expected: 1750 },
    { name: 'Retry-After wins over backoff', retry: 1, retryAfter: 7, random: 0.5, expected: 7000 },
    { name: 'Retry-After 0 retries at once', retry: 2, retryAfter: 0, random: 0, expected: 0 },
    { name: 'Retry-After of 60 s is waited for', retry: 1, retryAfter: 60, random: 0, expected: 60_000 },
    { name: 'Retry-After over 60 s is not', retry: 1, retryAfter: 61, random: 0, expected: undefined },
  ])('$name → $expected', ({ retry, retryAfter, random, expected }) => {
    expect(retryDelay(retry, retryAfter, () => random)).toBe(expected);
  });
});

describe('what is retried', () => {
  it.each([
    { method: 'GET', safe: true },
    { method: 'HEAD', safe: true },
    { method: 'PUT', safe: true },
    { method: 'PATCH', safe: true },
    { method: 'DELETE', safe: true },
    { method: 'POST', safe: false },
  ])('$method idempotent: $safe', ({ method, safe }) => {
    expect(isIdempotentMethod(method)).toBe(safe);
  });

  it.each([
    { status: 408, retry: true },
    { status: 429, retry: true },
    { status: 500, retry: true },
    { status: 599, retry: true },
    { status: 400, retry: false },
    { status: 404, retry: false },
    { status: 409, retry: false },
    { status: 422, retry: false },
    { status: 200, retry: false },
  ])('status $status retryable: $retry', ({ status, retry }) => {
    expect(isRetryableStatus(status)).toBe(retry);
  });
});
