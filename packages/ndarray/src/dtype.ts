/** Dtypes salkit arrays carry, named as numpy names them. `bool` is stored as 0/1 in a Uint8Array. */
export type DType = 'bool' | 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

export type TypedArray =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

type TypedArrayCtor = { new (n: number): TypedArray; BYTES_PER_ELEMENT: number };

const CTORS: Record<DType, TypedArrayCtor> = {
  bool: Uint8Array,
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

export const DTYPES: readonly DType[] = Object.keys(CTORS) as DType[];

export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && Object.hasOwn(CTORS, x);
}

/** Allocates a zeroed typed array for a dtype. */
export function allocate(dtype: DType, length: number): TypedArray {
  const Ctor = CTORS[dtype];
  if (!Ctor) throw new Error(`dtype: expected one of ${DTYPES.join(', ')}, got ${String(dtype)}`);
  return new Ctor(length);
}

/** The dtype a typed array stores (a Uint8Array reads as uint8; bool is a convention on top). */
export function dtypeOfData(data: unknown): DType {
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Uint8Array || data instanceof Uint8ClampedArray) return 'uint8';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint16Array) return 'uint16';
  if (data instanceof Int16Array) return 'int16';
  if (data instanceof Uint32Array) return 'uint32';
  if (data instanceof Int32Array) return 'int32';
  throw new Error(`data: expected a typed array, got ${describe(data)}`);
}

export function isFloatDType(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/** A short description of a value for error messages. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  if (typeof x === 'object') {
    const shape = (x as { shape?: unknown }).shape;
    if (Array.isArray(shape)) return `an array of shape [${shape.join(',')}]`;
    return `an object (${(x as object).constructor?.name ?? 'Object'})`;
  }
  return `${typeof x} ${String(x)}`;
}

const INT_INFO: Partial<Record<DType, { signed: boolean; bits: number }>> = {
  uint8: { signed: false, bits: 8 },
  int8: { signed: true, bits: 8 },
  uint16: { signed: false, bits: 16 },
  int16: { signed: true, bits: 16 },
  uint32: { signed: false, bits: 32 },
  int32: { signed: true, bits: 32 },
};

function intOfBits(signed: boolean, bits: number): DType | 'int64' {
  if (bits > 32) return 'int64';
  return `${signed ? 'int' : 'uint'}${bits}` as DType;
}

/**
 * numpy's `np.promote_types(a, b)` over salkit's dtypes: the dtype numpy computes and stores
 * a binary operation of two arrays in (e.g. float32 with uint8 or bool stays float32, float32
 * with int32 becomes float64). Returns 'int64' where numpy would (e.g. int8 with uint32).
 */
export function promoteTypes(a: DType, b: DType): DType | 'int64' {
  if (!isDType(a)) throw new TypeError(`promoteTypes: a: expected one of ${DTYPES.join(', ')}, got ${describe(a)}`);
  if (!isDType(b)) throw new TypeError(`promoteTypes: b: expected one of ${DTYPES.join(', ')}, got ${describe(b)}`);
  if (a === b) return a;
  if (a === 'bool') return b;
  if (b === 'bool') return a;
  if (a === 'float64' || b === 'float64') return 'float64';
  if (a === 'float32' || b === 'float32') {
    const other = INT_INFO[a === 'float32' ? b : a] as { bits: number };
    return other.bits <= 16 ? 'float32' : 'float64';
  }
  const x = INT_INFO[a] as { signed: boolean; bits: number };
  const y = INT_INFO[b] as { signed: boolean; bits: number };
  if (x.signed === y.signed) return intOfBits(x.signed, Math.max(x.bits, y.bits));
  const u = x.signed ? y : x;
  const s = x.signed ? x : y;
  // a signed type holding every value of the unsigned one
  return intOfBits(true, s.bits > u.bits ? s.bits : u.bits * 2);
}
