/** Anything array-like a test compares: an ndarray-like {data, shape}, a typed array or nested arrays. */
export interface ShapedLike {
  data: ArrayLike<number | bigint | boolean>;
  shape: readonly number[];
  stride?: readonly number[];
  offset?: number;
}

function isShaped(x: unknown): x is ShapedLike {
  return typeof x === 'object' && x !== null && 'data' in x && 'shape' in x;
}

function flattenNested(x: unknown, out: number[], shape: number[], depth: number): void {
  if (Array.isArray(x)) {
    if (shape.length === depth) shape.push(x.length);
    for (const v of x) flattenNested(v, out, shape, depth + 1);
  } else {
    out.push(Number(x));
  }
}

/** Flattens to row-major numbers with the logical shape, honouring ndarray strides/offset. */
export function toFlat(x: unknown): { values: Float64Array; shape: number[] } {
  if (isShaped(x)) {
    const shape = [...x.shape];
    const n = shape.reduce((a, b) => a * b, 1);
    const values = new Float64Array(n);
    const stride = x.stride ?? defaultStride(shape);
    const offset = x.offset ?? 0;
    const idx = new Array<number>(shape.length).fill(0);
    for (let i = 0; i < n; i++) {
      let p = offset;
      for (let d = 0; d < shape.length; d++) p += (idx[d] as number) * (stride[d] as number);
      values[i] = Number(x.data[p]);
      for (let d = shape.length - 1; d >= 0; d--) {
        idx[d] = (idx[d] as number) + 1;
        if ((idx[d] as number) < (shape[d] as number)) break;
        idx[d] = 0;
      }
    }
    return { values, shape };
  }
  if (ArrayBuffer.isView(x)) {
    const arr = x as unknown as ArrayLike<number | bigint>;
    return { values: Float64Array.from(arr, (v) => Number(v)), shape: [arr.length] };
  }
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') {
    return { values: Float64Array.of(Number(x)), shape: [] };
  }
  const out: number[] = [];
  const shape: number[] = [];
  flattenNested(x, out, shape, 0);
  return { values: Float64Array.from(out), shape };
}

function defaultStride(shape: number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d] as number;
  }
  return s;
}

/**
 * Throws unless shapes are equal and |a - e| <= atol + rtol*|e| everywhere (NaN matches NaN,
 * infinities match exactly). The message names the first offending index and the worst error.
 */
export function assertAllClose(actual: unknown, expected: unknown, rtol: number, atol: number, label = 'value'): void {
  const a = toFlat(actual);
  const e = toFlat(expected);
  if (a.shape.join(',') !== e.shape.join(',')) {
    throw new Error(`${label}: shape [${a.shape}] differs from expected [${e.shape}]`);
  }
  let bad = 0;
  let first = -1;
  let worst = 0;
  for (let i = 0; i < e.values.length; i++) {
    const av = a.values[i] as number;
    const ev = e.values[i] as number;
    let ok: boolean;
    if (Number.isNaN(ev)) ok = Number.isNaN(av);
    else if (!Number.isFinite(ev)) ok = av === ev;
    else {
      const err = Math.abs(av - ev);
      ok = err <= atol + rtol * Math.abs(ev);
      if (!ok && err > worst) worst = err;
    }
    if (!ok) {
      bad++;
      if (first < 0) first = i;
    }
  }
  if (bad > 0) {
    throw new Error(
      `${label}: ${bad}/${e.values.length} values outside rtol=${rtol} atol=${atol}; ` +
        `first at flat index ${first}: got ${a.values[first]}, expected ${e.values[first]}; worst |err| ${worst}`,
    );
  }
}
