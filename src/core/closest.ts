/**
 * Ranking known words by how close they are to what someone typed, for quick fixes that replace an
 * unknown status or sign-off state (`acepted` → `accepted`).
 */

/** Levenshtein distance, case-insensitive: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1] + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length];
}

/**
 * `candidates` from closest to farthest from `typed`. A candidate contained in what was typed
 * (`Accepted ✅` holds `accepted`) counts as closest; ties keep the candidates' own order.
 */
export function byCloseness<T extends string>(typed: string, candidates: readonly T[]): T[] {
  const lower = typed.toLowerCase();
  const distance = (candidate: T): number => (lower.includes(candidate.toLowerCase()) ? 0 : editDistance(typed.trim(), candidate));
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: distance(candidate) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ candidate }) => candidate);
}
