import { pairwiseSum } from '@salkit/ndarray';
import { describe, expect, it } from 'vitest';

describe('pairwiseSum from @salkit/ndarray, as cdist relies on it (numpy add.reduce order)', () => {
  // Expected values: numpy 1.24.4 `np.add.reduce(1 / np.arange(1, n + 1))` and `np.sum(np.full(10, 0.1))`.
  const harmonic = (n: number) => Float64Array.from({ length: n }, (_, i) => 1 / (i + 1));
  it.each([
    [7, 2.5928571428571425],
    [10, 2.9289682539682538],
    [100, 5.187377517639621],
    [129, 5.440899030573669],
    [300, 6.282663880299504],
    [1000, 7.485470860550345],
  ])('n = %i gives numpy bit for bit', (n, expected) => {
    expect(pairwiseSum(harmonic(n), 0, n)).toBe(expected);
  });
  it('ten times 0.1 is exactly 1 (a plain loop gives 0.9999999999999999)', () => {
    expect(pairwiseSum(new Float64Array(10).fill(0.1), 0, 10)).toBe(1);
  });
  it('honours the offset and handles empty runs', () => {
    const x = Float64Array.of(100, 1, 2, 3);
    expect(pairwiseSum(x, 1, 3)).toBe(6);
    expect(pairwiseSum(x, 2, 0)).toBe(0);
  });
});
