import { describe } from '@salkit/ndarray';
import type * as TF from '@tensorflow/tfjs';
import { tf } from '#tfjs';
import { decodeWeightsDirect } from './dequantize.js';

/** One group of a TF.js weights manifest (`*-weights_manifest.json` is an array of these). */
export interface WeightsManifestGroup {
  paths: string[];
  weights: TF.io.WeightsManifestEntry[];
}

/** Raw weight bytes: one buffer, or one per weights file in the manifest's order. */
export type WeightBytes = ArrayBuffer | Uint8Array | readonly (ArrayBuffer | Uint8Array)[];

/**
 * Weights of a model, in any of the forms TF.js code has them: an `io.IOHandler` (e.g.
 * `tf.io.fromMemory(...)`, or `tf.io.browserFiles(...)`), model artifacts with `weightSpecs` +
 * `weightData`, or a weights manifest (the parsed `*-weights_manifest.json`) with the bytes of
 * its `.bin` files.
 */
export type ModelWeights =
  | TF.io.IOHandler
  | { weightSpecs: TF.io.WeightsManifestEntry[]; weightData: WeightBytes }
  | { manifest: WeightsManifestGroup[]; weightData: WeightBytes };

function toArrayBuffer(label: string, b: unknown): ArrayBuffer {
  if (b instanceof ArrayBuffer) return b;
  if (b instanceof Uint8Array) return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  throw new TypeError(`${label}: expected an ArrayBuffer or Uint8Array, got ${describe(b)}`);
}

function concat(buffers: ArrayBuffer[]): ArrayBuffer {
  if (buffers.length === 1) return buffers[0] as ArrayBuffer;
  const total = buffers.reduce((s, b) => s + b.byteLength, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), o);
    o += b.byteLength;
  }
  return out.buffer;
}

function bytesOf(label: string, data: unknown): ArrayBuffer {
  if (Array.isArray(data)) {
    if (data.length === 0) throw new Error(`${label}: expected at least one buffer, got an empty array`);
    return concat(data.map((b, i) => toArrayBuffer(`${label}[${i}]`, b)));
  }
  return toArrayBuffer(label, data);
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function specBytes(spec: TF.io.WeightsManifestEntry): number {
  const n = spec.shape.reduce((a, b) => a * b, 1);
  const q = spec.quantization?.dtype;
  return n * (q ? (DTYPE_BYTES[q] ?? 4) : (DTYPE_BYTES[spec.dtype] ?? 4));
}

/**
 * Decodes weights into named tensors (dequantizing quantized ones). The caller owns the
 * tensors. Throws naming `label` when the specs and bytes do not agree.
 */
export async function decodeModelWeights(label: string, weights: ModelWeights): Promise<TF.NamedTensorMap> {
  if (weights === null || typeof weights !== 'object') {
    throw new TypeError(
      `${label}: expected an io.IOHandler, { weightSpecs, weightData } or { manifest, weightData }, got ${describe(weights)}`,
    );
  }
  let specs: unknown;
  let data: unknown;
  if (typeof (weights as TF.io.IOHandler).load === 'function') {
    const artifacts = await (weights as TF.io.IOHandler).load?.();
    specs = artifacts?.weightSpecs;
    data = artifacts?.weightData;
  } else if ('manifest' in weights) {
    const m = weights.manifest as unknown;
    if (!Array.isArray(m) || m.some((g) => !g || !Array.isArray((g as WeightsManifestGroup).weights))) {
      throw new TypeError(
        `${label}: manifest: expected the parsed weights manifest (an array of { paths, weights }), got ${describe(m)}`,
      );
    }
    specs = (m as WeightsManifestGroup[]).flatMap((g) => g.weights);
    data = weights.weightData;
  } else {
    specs = (weights as { weightSpecs?: unknown }).weightSpecs;
    data = (weights as { weightData?: unknown }).weightData;
  }
  if (!Array.isArray(specs) || specs.length === 0) {
    throw new TypeError(`${label}: expected weight specs (an array of { name, shape, dtype }), got ${describe(specs)}`);
  }
  const buffer = bytesOf(`${label}: weightData`, data);
  const entries = specs as TF.io.WeightsManifestEntry[];
  const expected = entries.reduce((s, spec) => s + specBytes(spec), 0);
  // String weights have no fixed size, so only fixed-size specs are checked against the bytes.
  if (!entries.some((e) => e.dtype === 'string') && expected !== buffer.byteLength) {
    throw new Error(`${label}: the weight specs describe ${expected} bytes but weightData holds ${buffer.byteLength}`);
  }
  return decodeWeightsDirect(buffer, entries) ?? tf.io.decodeWeights(buffer, entries);
}
