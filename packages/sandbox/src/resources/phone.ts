/**
 * Phone numbers: E.164 normalisation with libphonenumber-js, reading local formats in a default
 * region (see the README's "Decisions").
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
