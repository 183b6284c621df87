import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe } from '@salkit/ndarray';
import type { WeightsManifestGroup } from '../face/weights.js';
import { packageRequire } from '../tf/packageRequire.js';

const require = packageRequire();

/** The installed `@vladmandic/face-api` package's folder. */
export function faceApiDir(): string {
  return dirname(require.resolve('@vladmandic/face-api/package.json'));
}

/** The folder of face-api's model weights (`<name>-weights_manifest.json` + `<name>.bin`). */
export function faceModelDir(): string {
  return join(faceApiDir(), 'model');
}

/** Names of the face-api models salkit wraps. */
export type FaceModelName = 'ssd_mobilenetv1_model' | 'face_expression_model' | 'face_recognition_model';

/**
 * Reads a TF.js weights manifest and its `.bin` files from disk (default: face-api's model
 * folder), ready for `createExpressionClassifier` & co.
 */
export async function readModelWeights(
  name: string,
  dir: string = faceModelDir(),
): Promise<{ manifest: WeightsManifestGroup[]; weightData: ArrayBuffer[] }> {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError(
      `readModelWeights: name: expected a model name such as 'face_expression_model', got ${describe(name)}`,
    );
  }
  const manifestPath = join(dir, `${name}-weights_manifest.json`);
  let manifest: WeightsManifestGroup[];
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as WeightsManifestGroup[];
  } catch (e) {
    throw new Error(
      `readModelWeights: cannot read the weights manifest ${manifestPath}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!Array.isArray(manifest)) {
    throw new Error(`readModelWeights: ${manifestPath}: expected an array of { paths, weights } groups`);
  }
  const files = manifest.flatMap((g) => g.paths ?? []);
  const weightData = await Promise.all(
    files.map(async (f) => {
      const buf = await readFile(join(dir, f));
      return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    }),
  );
  return { manifest, weightData };
}

const SAMPLE_COUNT = 6;

/** Path of face-api's demo photo `sample<i>.jpg`, i = 1..6 (group photos, 1920 px wide). */
export function samplePhotoPath(i: number): string {
  if (!Number.isSafeInteger(i) || i < 1 || i > SAMPLE_COUNT) {
    throw new RangeError(`samplePhotoPath: i: expected an integer from 1 to ${SAMPLE_COUNT}, got ${describe(i)}`);
  }
  return join(faceApiDir(), 'demo', `sample${i}.jpg`);
}

/** Paths of all of face-api's demo photos, in order. */
export function samplePhotos(): string[] {
  return Array.from({ length: SAMPLE_COUNT }, (_, k) => samplePhotoPath(k + 1));
}

/** The bytes of a demo photo (a JPEG). */
export function readSamplePhoto(i: number): Uint8Array {
  return new Uint8Array(readFileSync(samplePhotoPath(i)));
}
