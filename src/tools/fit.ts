// Fitting a result into its character cap: the most whole items (agents, messages, replies, connections) for which
// the result, as its builder writes it with that many, is within the cap. Pure.

/**
 * The largest n in 0..max for which `build(n).length <= maxChars` (the text with n items), assuming a text grows with
 * n; 0 when none fits. Builds O(log max) texts.
 */
export function mostThatFit(max: number, maxChars: number, build: (n: number) => string): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (build(mid).length <= maxChars) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
