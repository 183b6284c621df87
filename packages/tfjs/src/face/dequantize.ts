import type * as TF from '@tensorflow/tfjs';
import { tf } from '#tfjs';

const VALUE_BYTES: Record<string, number> = { uint8: 1, uint16: 2, float32: 4, int32: 4, bool: 1 };

/** True for the specs `decodeWeightsDirect` decodes: fixed-size, unquantized or uint8/uint16-quantized. */
function isDirect(spec: TF.io.WeightsManifestEntry): boolean {
  const q = spec.quantization;
  if (!q) return spec.dtype === 'float32' || spec.dtype === 'int32' || spec.dtype === 'bool';
  return (
    (q.dtype === 'uint8' || q.dtype === 'uint16') &&
    (spec.dtype === 'float32' || spec.dtype === 'int32') &&
    typeof q.scale === 'number' &&
    typeof q.min === 'number'
  );
}

// One small loop per output type, so that each stays monomorphic.
function dequantizeFloat32(src: Uint8Array | Uint16Array, scale: number, min: number): Float32Array {
  const out = new Float32Array(src.length);
  for (let i = 0; i < out.length; i++) out[i] = (src[i] as number) * scale + min;
  return out;
}

function dequantizeInt32(src: Uint8Array | Uint16Array, scale: number, min: number): Int32Array {
  const out = new Int32Array(src.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round((src[i] as number) * scale + min);
  return out;
}

/**
 * `tf.io.decodeWeights` for the common specs, with the same values bit for bit: a quantized value
 * is `q * scale + min` in float64, stored as float32 (int32: rounded), as tfjs-core computes it,
 * but in a loop with `scale` and `min` in locals and without copying each weight's bytes out
 * first (face-api's 5 MB detector, cold: 75-80 ms against 85-135 ms on the 2-core dev machine).
 * Null when a spec is of another kind (float16 quantization, strings, complex64): then use
 * `tf.io.decodeWeights`.
 */
export function decodeWeightsDirect(
  buffer: ArrayBuffer,
  specs: readonly TF.io.WeightsManifestEntry[],
): TF.NamedTensorMap | null {
  if (!specs.every(isDirect)) return null;
  const bytes = new Uint8Array(buffer);
  const out: TF.NamedTensorMap = {};
  let offset = 0;
  for (const spec of specs) {
    const size = spec.shape.reduce((a, b) => a * b, 1);
    const q = spec.quantization;
    const width = VALUE_BYTES[q ? (q.dtype as string) : spec.dtype] as number;
    const length = size * width;
    if (offset + length > bytes.length) {
      throw new Error(
        `decodeWeights: weight ${spec.name} needs bytes ${offset}..${offset + length}, got ${bytes.length}`,
      );
    }
    let values: Float32Array | Int32Array | Uint8Array;
    if (!q) {
      const copy = buffer.slice(offset, offset + length);
      values =
        spec.dtype === 'float32'
          ? new Float32Array(copy)
          : spec.dtype === 'int32'
            ? new Int32Array(copy)
            : new Uint8Array(copy);
    } else {
      const src =
        q.dtype === 'uint8'
          ? bytes.subarray(offset, offset + size)
          : new Uint16Array(buffer.slice(offset, offset + length));
      values =
        spec.dtype === 'float32'
          ? dequantizeFloat32(src, q.scale as number, q.min as number)
          : dequantizeInt32(src, q.scale as number, q.min as number);
    }
    out[spec.name] = tf.tensor(values, spec.shape, spec.dtype as 'float32' | 'int32' | 'bool');
    offset += length;
  }
  return out;
}
