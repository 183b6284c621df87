import { array, assertShape, type NdArray, toContiguous } from '@salkit/ndarray';
import type { SaliencyAccumulator } from '../interfaces/SaliencyAccumulator.js';

/**
 * Accumulator for scorers without a streaming implementation: keeps every batch, concatenates
 * them and calls `generate(outputs, masks)` once at the end (O(N) memory).
 */
export class BufferingAccumulator implements SaliencyAccumulator {
  private readonly outputs: NdArray[] = [];
  private readonly masks: NdArray[] = [];

  constructor(
    private readonly size: readonly [number, number],
    private readonly generate: (outputs: NdArray, masks: NdArray) => NdArray,
  ) {}

  add(outputs: NdArray, masks: NdArray): void {
    assertShape('SaliencyAccumulator.add: masks', masks, [null, this.size[0], this.size[1]]);
    this.outputs.push(toContiguous(outputs));
    this.masks.push(toContiguous(masks));
  }

  finish(): NdArray {
    return this.generate(concat(this.outputs), concat(this.masks));
  }
}

function concat(parts: NdArray[]): NdArray {
  const first = parts[0];
  if (!first) throw new Error('SaliencyAccumulator.finish: no batches were added');
  const rest = first.shape.slice(1);
  const n = parts.reduce((s, p) => s + (p.shape[0] as number), 0);
  const Ctor = first.data.constructor as { new (n: number): NdArray['data'] };
  const out = new Ctor(parts.reduce((s, p) => s + p.size, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p.data as never, o);
    o += p.size;
  }
  return array(out, [n, ...rest]);
}
