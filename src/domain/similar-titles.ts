/**
 * Whether two incident titles probably describe the same problem: "Checkout errors spiking" and
 * "checkout errors" do; "Checkout errors" and "Login errors" do not. Titles are short and typed in
 * a hurry, so the rule is plain: the words that carry meaning (lowercased, without punctuation,
 * filler words or a plural `s`) overlap by at least half of all the words either title uses.
 */
export function similarTitles(a: string, b: string): boolean {
  const left = meaningfulWords(a);
  const right = meaningfulWords(b);
  if (left.size === 0 || right.size === 0) return false;
  const shared = [...left].filter((word) => right.has(word)).length;
  const either = new Set([...left, ...right]).size;
  return shared / either >= SIMILAR_AT_LEAST;
}

/** Jaccard similarity of the two titles' meaningful words. */
const SIMILAR_AT_LEAST = 0.5;

/** Words that say nothing about what broke. */
const FILLER = new Set([
  'a',
  'an',
  'and',
  'are',
  'at',
  'for',
  'from',
  'in',
  'is',
  'of',
  'on',
  'the',
  'to',
  'with',
]);

function meaningfulWords(title: string): Set<string> {
  const words = title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '' && !FILLER.has(word))
    .map((word) =>
      word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  return new Set(words);
}
