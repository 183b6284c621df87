/**
 * "Did you mean" suggestions, computed exactly as Python's `difflib.get_close_matches(word,
 * possibilities, n, cutoff)` (Ratcliff/Obershelp similarity of `difflib.SequenceMatcher`), which is
 * what ml_collections uses (n = 1, cutoff = 0.75).
 */

interface Block {
  a: number;
  b: number;
  size: number;
}

/** difflib.SequenceMatcher with isjunk = None (autojunk as in Python). Sequences are code points. */
class SequenceMatcher {
  private readonly a: string[];
  private readonly b: string[];
  private readonly b2j = new Map<string, number[]>();

  constructor(a: string, b: string) {
    this.a = Array.from(a);
    this.b = Array.from(b);
    this.b.forEach((ch, j) => {
      const list = this.b2j.get(ch);
      if (list) list.push(j);
      else this.b2j.set(ch, [j]);
    });
    const n = this.b.length;
    if (n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [ch, idxs] of [...this.b2j]) if (idxs.length > ntest) this.b2j.delete(ch);
    }
  }

  private findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Block {
    const { a, b, b2j } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const newj2len = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        newj2len.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = newj2len;
    }
    // Extend with elements removed by autojunk (Python's "popular" elements).
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return { a: besti, b: bestj, size: bestsize };
  }

  private matchingBlocks(): Block[] {
    const la = this.a.length;
    const lb = this.b.length;
    const queue: [number, number, number, number][] = [[0, la, 0, lb]];
    const blocks: Block[] = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop()!;
      const m = this.findLongestMatch(alo, ahi, blo, bhi);
      if (m.size > 0) {
        blocks.push(m);
        if (alo < m.a && blo < m.b) queue.push([alo, m.a, blo, m.b]);
        if (m.a + m.size < ahi && m.b + m.size < bhi) queue.push([m.a + m.size, ahi, m.b + m.size, bhi]);
      }
    }
    blocks.sort((x, y) => x.a - y.a || x.b - y.b);
    return blocks;
  }

  ratio(): number {
    const matches = this.matchingBlocks().reduce((sum, blk) => sum + blk.size, 0);
    const total = this.a.length + this.b.length;
    return total > 0 ? (2 * matches) / total : 1;
  }

  quickRatio(): number {
    const avail = new Map<string, number>();
    for (const ch of this.b) avail.set(ch, (avail.get(ch) ?? 0) + 1);
    let matches = 0;
    for (const ch of this.a) {
      const left = avail.get(ch) ?? 0;
      if (left > 0) {
        matches++;
        avail.set(ch, left - 1);
      }
    }
    const total = this.a.length + this.b.length;
    return total > 0 ? (2 * matches) / total : 1;
  }

  realQuickRatio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return la + lb > 0 ? (2 * Math.min(la, lb)) / (la + lb) : 1;
  }
}

/** `difflib.SequenceMatcher(None, a, b).ratio()`: similarity in [0, 1]. */
export function similarity(a: string, b: string): number {
  return new SequenceMatcher(a, b).ratio();
}

/** Python's `difflib.get_close_matches`: best matches first (ties broken by the larger string). */
export function getCloseMatches(word: string, possibilities: Iterable<string>, n = 1, cutoff = 0.75): string[] {
  const scored: [number, string][] = [];
  for (const x of possibilities) {
    const s = new SequenceMatcher(x, word);
    if (s.realQuickRatio() >= cutoff && s.quickRatio() >= cutoff) {
      const r = s.ratio();
      if (r >= cutoff) scored.push([r, x]);
    }
  }
  scored.sort((p, q) => q[0] - p[0] || (q[1] < p[1] ? -1 : q[1] > p[1] ? 1 : 0));
  return scored.slice(0, n).map(([, x]) => x);
}

/** ml_collections' suggestion suffix: `Did you mean "learning_rate" instead of "laerning_rate"?`, or ''. */
export function didYouMean(request: string, keys: Iterable<string>): string {
  const [match] = getCloseMatches(request, keys, 1, 0.75);
  return match === undefined ? '' : `Did you mean "${match}" instead of "${request}"?`;
}
