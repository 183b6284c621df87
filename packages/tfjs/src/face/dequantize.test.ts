import type * as TF from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FaceModelName, readModelWeights } from '../node/files.js';
import { initWasmBackend } from '../node/wasm.js';
import { nodeTf } from '../tf/nodeTf.js';
import { decodeWeightsDirect } from './dequantize.js';

const tf = nodeTf();

function concat(buffers: ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(buffers.reduce((s, b) => s + b.byteLength, 0));
  let o = 0;
  for (const b of buffers) {
    out.set(new Uint8Array(b), o);
    o += b.byteLength;
  }
  return out.buffer;
}

/** Both decodings hold the same names, shapes, dtypes and bits; the tensors are disposed. */
function expectSameBits(a: TF.NamedTensorMap, b: TF.NamedTensorMap): void {
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(a)) {
    const x = a[name] as TF.Tensor;
    const y = b[name] as TF.Tensor;
    expect([name, x.dtype, x.shape]).toEqual([name, y.dtype, y.shape]);
    const bx = x.dataSync();
    const by = y.dataSync();
    const ux = new Uint8Array(bx.buffer, bx.byteOffset, bx.byteLength);
    const uy = new Uint8Array(by.buffer, by.byteOffset, by.byteLength);
    // Byte by byte (toEqual on millions of elements is slow).
    expect([name, ux.length, Buffer.compare(ux, uy)]).toEqual([name, uy.length, 0]);
  }
  tf.dispose([...Object.values(a), ...Object.values(b)]);
}

beforeAll(() => initWasmBackend());

describe('decodeWeightsDirect', () => {
  it.each<FaceModelName>(['ssd_mobilenetv1_model', 'face_expression_model', 'face_recognition_model'])(
    'decodes face-api %s exactly as tf.io.decodeWeights',
    async (name) => {
      const { manifest, weightData } = await readModelWeights(name);
      const specs = manifest.flatMap((g) => g.weights);
      const buffer = concat(weightData);
      const direct = decodeWeightsDirect(buffer, specs);
      expect(direct).not.toBeNull();
      expectSameBits(direct as TF.NamedTensorMap, tf.io.decodeWeights(buffer, specs));
    },
  );

  it('covers uint16 and int32 quantization and unquantized float32, int32 and bool', () => {
    const specs: TF.io.WeightsManifestEntry[] = [
      { name: 'a', shape: [3], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.1, min: -3.3 } },
      { name: 'b', shape: [2, 2], dtype: 'int32', quantization: { dtype: 'uint8', scale: 0.5, min: -2 } },
      { name: 'c', shape: [2], dtype: 'float32' },
      { name: 'd', shape: [1], dtype: 'int32' },
      { name: 'e', shape: [3], dtype: 'bool' },
      { name: 'f', shape: [1], dtype: 'int32', quantization: { dtype: 'uint16', scale: 3, min: 1 } },
    ];
    const bytes = new Uint8Array(6 + 4 + 8 + 4 + 3 + 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 53 + 11) % 256;
    // The unquantized float32 values must be finite numbers: write two.
    new DataView(bytes.buffer).setFloat32(10, Math.PI, true);
    new DataView(bytes.buffer).setFloat32(14, -1.5e-7, true);
    const direct = decodeWeightsDirect(bytes.buffer, specs);
    expectSameBits(direct as TF.NamedTensorMap, tf.io.decodeWeights(bytes.buffer, specs));
  });

  it('leaves float16 quantization and strings to tf.io.decodeWeights, and rejects short data', () => {
    const half: TF.io.WeightsManifestEntry = {
      name: 'h',
      shape: [2],
      dtype: 'float32',
      quantization: { dtype: 'float16' },
    };
    expect(decodeWeightsDirect(new ArrayBuffer(4), [half])).toBeNull();
    expect(decodeWeightsDirect(new ArrayBuffer(8), [{ name: 's', shape: [1], dtype: 'string' }])).toBeNull();
    expect(() => decodeWeightsDirect(new ArrayBuffer(7), [{ name: 'w', shape: [2], dtype: 'float32' }])).toThrow(
      /weight w needs bytes 0\.\.8, got 7/,
    );
  });
});
