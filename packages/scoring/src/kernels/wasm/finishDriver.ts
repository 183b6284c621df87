import type { BlockDriver, WasmMemory } from '@salkit/ndarray/wasm';

/** The kernels of finishKernels.ts that `finishBlock` calls. */
export interface FinishKernels {
  finishMaps: (...a: number[]) => void;
  finishMapsF32: (...a: number[]) => void;
  scaleMaps: (out: number, P: number, maps: number, tiny: number) => void;
  scaleMapsF32: (out: number, P: number, maps: number, tiny: number) => void;
}

/** The arguments of a `finishBlock` run (byte addresses in wasm memory). */
export interface FinishArgs {
  /** 1: float32 maps from float32 sums (finishMapsF32), 0: float64. */
  float32: number;
  acc: number;
  cov: number;
  /** The 0/1 table sums (float64 only), used when `useT` is 1. */
  accT: number;
  /** Where map c is formed: `out + c * P * (4 or 8)`. */
  out: number;
  P: number;
  /** Bytes between accumulator rows. */
  accPitch: number;
  useT: number;
  normalize: number;
  /** 1: each map max-abs scaled and clipped (scaleMaps), with the threshold `tiny`. */
  scale: number;
  tiny: number;
}

const ORDER: readonly (keyof FinishArgs)[] = [
  'float32',
  'acc',
  'cov',
  'accT',
  'out',
  'P',
  'accPitch',
  'useT',
  'normalize',
  'scale',
  'tiny',
];

/** Packs FinishArgs in the order finishBlock reads them. */
export function finishArgs(a: FinishArgs): Float64Array {
  return Float64Array.from(ORDER, (key) => a[key]);
}

/**
 * One map of the finish (block c: map c), formed and, when asked, scaled: the maps are
 * independent, so the pool's threads split them. Self-contained (helpers get its source text).
 */
export const finishBlock: BlockDriver = (
  exports: object,
  _memory: WasmMemory,
  _data: unknown,
  c: number,
  _thread: number,
  a: Float64Array,
): void => {
  const k = exports as FinishKernels;
  const P = a[5] as number;
  if (a[0] === 1) {
    k.finishMapsF32(a[1] as number, a[2] as number, a[4] as number, P, a[6] as number, a[8] as number, c, 1);
    if (a[9] === 1) k.scaleMapsF32((a[4] as number) + c * P * 4, P, 1, a[10] as number);
  } else {
    k.finishMaps(
      a[1] as number,
      a[2] as number,
      a[3] as number,
      a[4] as number,
      P,
      a[6] as number,
      a[7] as number,
      a[8] as number,
      c,
      1,
    );
    if (a[9] === 1) k.scaleMaps((a[4] as number) + c * P * 8, P, 1, a[10] as number);
  }
};
