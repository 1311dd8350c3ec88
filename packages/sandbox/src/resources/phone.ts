/**
 * Phone numbers and names: E.164 normalisation with libphonenumber-js, and the two-letter
 * `initials` derived from a display name.
 * @see https://gitlab.com/catamphetamine/libphonenumber-js#readme
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The region assumed for numbers written in a local format (no `+` and country code). */
export const DEFAULT_PHONE_REGION = 'US';

/**
 * Normalises `input` to E.164, or returns undefined when it cannot be.
 *
 * A number is accepted when it has a possible length for its country (`isPossible`), not only when
 * it is in an allocated range (`isValid`): the docs' own examples use the fictional `555` range
 * (`+15551234567`), which `isValid` rejects. Text around the number is not extracted: the whole
 * input must be a phone number.
 */
export function normalizePhone(input: string, defaultRegion: string = DEFAULT_PHONE_REGION): string | undefined {
  if (input.length > 64) return undefined;
  const parsed = parsePhoneNumberFromString(input.trim(), {
    defaultCountry: defaultRegion as CountryCode,
    extract: false,
  });
  if (!parsed || !parsed.isPossible()) return undefined;
  return parsed.number;
}

const LETTER = /\p{L}/u;

/**
 * Two-letter initials from a display name: the first letter of the first and of the last word
 * ("Aldona Petrauskaitė" → "AP", "Jane Q. Doe" → "JD"). A one-word name gives its first two
 * letters ("Operator" → "OP"); a name without letters gives "".
 */
export function initialsOf(name: string): string {
  const words = name
    .normalize('NFC')
    .split(/\s+/u)
    .map((w) => Array.from(w).filter((ch) => LETTER.test(ch)))
    .filter((letters) => letters.length > 0);
  if (words.length === 0) return '';
  const first = words[0]!;
  const letters = words.length === 1 ? first.slice(0, 2) : [first[0]!, words[words.length - 1]![0]!];
  return letters.join('').toLocaleUpperCase('en');
}
