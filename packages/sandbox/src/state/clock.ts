/**
 * Time and identifiers: the injectable clock, the docs' timestamp format and UUIDv7 public ids.
 * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7
 */
import { randomBytes } from 'node:crypto';

/** A clock, injectable so timestamps are predictable in tests. */
export type Clock = () => Date;

/** ISO 8601 with a `Z` suffix and whole seconds, as the docs write timestamps. */
export const isoSeconds = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A UUIDv7 (RFC 9562): 48-bit Unix milliseconds, version 7, variant 10, random rest. */
export function uuidv7(now: Date): string {
  const bytes = randomBytes(16);
  const ms = BigInt(now.getTime());
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
