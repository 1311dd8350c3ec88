/**
 * The two-letter `initials` every operator representation carries, derived from the name by the
 * rule of DECISIONS.md B22 (the docs show initials but never state the rule).
 * @see ../../../../spec/DECISIONS.md (B22)
 */

const LETTER = /\p{L}/u;

/**
 * Initials from a display name, by B22: split at white space only (hyphens and apostrophes stay
 * inside a word), keep only the letters of each word (any script) and drop words left without
 * any; then the first letter of the first and of the last word, or the first two letters of a
 * single word, or `""` when there is no word; upper-cased without locale rules.
 * "Aldona Petrauskaitė" → "AP", "Jean-Luc" → "JE", "Mary O'Neil" → "MO", "Agent 007" → "AG".
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
  return letters.join('').toUpperCase();
}
