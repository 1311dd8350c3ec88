/**
 * The oracle of `initials_derivation`: the rule of DECISIONS.md B22, implemented here on its own.
 * A test oracle that shared code with the server it judges would share its bugs, so this does not
 * import the sandbox's implementation; both are tested against B22's table.
 * @see ../../../../spec/DECISIONS.md (B22)
 */

/** A Unicode letter of any script. */
const LETTER = /^\p{L}$/u;

/**
 * The initials of `name` by B22: words are split at white space only (hyphens and apostrophes stay
 * inside a word); each word keeps only its letters and is dropped when none are left; two or more
 * words give the first letter of the first and of the last word, one word its first two letters,
 * none `""`; the result is upper-cased without locale rules.
 */
export function initialsOf(name: string): string {
  const words = name
    .split(/\s+/u)
    .map((word) => [...word].filter((ch) => LETTER.test(ch)))
    .filter((letters) => letters.length > 0);
  const [first, last] = [words[0], words.at(-1)];
  if (!first || !last) return '';
  const picked = words.length === 1 ? first.slice(0, 2) : [first[0]!, last[0]!];
  return picked.join('').toUpperCase();
}
