import { describe } from '@salkit/ndarray';
import type * as TF from '@tensorflow/tfjs';
import { tf } from '#tfjs';

/** What a model returns: one tensor, several, or tensors by output name. */
export type ModelOutput = TF.Tensor | TF.Tensor[] | TF.NamedTensorMap;

/** A model with `predict` (a `tf.LayersModel` or `tf.GraphModel`). */
export interface PredictModel {
  predict(inputs: TF.Tensor, config?: never): ModelOutput;
}

/** A model with `executeAsync` (a `tf.GraphModel` with control flow, e.g. an exported detector). */
export interface ExecuteAsyncModel {
  executeAsync(inputs: TF.Tensor, outputs?: never): Promise<TF.Tensor | TF.Tensor[]>;
}

/** A synchronous function from the input tensor to the output(s). */
export type ModelFn = (inputs: TF.Tensor) => ModelOutput;

/**
 * Anything salkit can run on an input batch: a LayersModel / GraphModel (`predict`), a
 * GraphModel needing `executeAsync`, or a synchronous function. Synchronous calls run inside
 * `tf.tidy`, so their intermediate tensors are released.
 */
export type TfModel = PredictModel | ExecuteAsyncModel | ModelFn;

/** Throws unless `model` is something {@link runModel} can call. */
export function checkModel(label: string, model: unknown): asserts model is TfModel {
  const ok =
    typeof model === 'function' ||
    (model !== null &&
      typeof model === 'object' &&
      (typeof (model as PredictModel).predict === 'function' ||
        typeof (model as ExecuteAsyncModel).executeAsync === 'function'));
  if (!ok) {
    throw new TypeError(
      `${label}: expected a tf.LayersModel / tf.GraphModel (an object with predict or executeAsync) or a function, got ${describe(model)}`,
    );
  }
}

/** Runs a model on one input: `predict` when it has one (unless `preferAsync`), else `executeAsync`. */
export async function runModel(model: TfModel, input: TF.Tensor, preferAsync = false): Promise<ModelOutput> {
  if (typeof model === 'function') return tf.tidy(() => model(input));
  const hasPredict = typeof (model as PredictModel).predict === 'function';
  const hasAsync = typeof (model as ExecuteAsyncModel).executeAsync === 'function';
  if (hasAsync && (preferAsync || !hasPredict)) return (model as ExecuteAsyncModel).executeAsync(input);
  return tf.tidy(() => (model as PredictModel).predict(input));
}

/** Every tensor in a model output. */
export function outputTensors(out: ModelOutput): TF.Tensor[] {
  if (out instanceof tf.Tensor) return [out];
  if (Array.isArray(out)) return out;
  return Object.values(out);
}

/**
 * One tensor of a model output: `which` is an index (into an array output, or the names of a
 * map output in their order) or an output name; by default the only / first output.
 */
export function selectOutput(label: string, out: ModelOutput, which: number | string | undefined): TF.Tensor {
  if (out instanceof tf.Tensor) {
    if (which === undefined || which === 0) return out;
    throw new Error(
      `${label}: output: the model returned a single tensor, so output ${JSON.stringify(which)} does not exist`,
    );
  }
  if (Array.isArray(out)) {
    const i = which === undefined ? 0 : which;
    const t = typeof i === 'number' ? out[i] : undefined;
    if (!(t instanceof tf.Tensor)) {
      throw new Error(
        `${label}: output: the model returned ${out.length} tensors; expected an index below ${out.length}, got ${JSON.stringify(which)}`,
      );
    }
    return t;
  }
  if (out === null || typeof out !== 'object') {
    throw new TypeError(
      `${label}: the model returned ${describe(out)}, expected a tensor, an array of tensors or a map of them`,
    );
  }
  const names = Object.keys(out);
  const name = which === undefined ? names[0] : typeof which === 'number' ? names[which] : which;
  const t = name === undefined ? undefined : out[name];
  if (!(t instanceof tf.Tensor)) {
    throw new Error(
      `${label}: output: the model's outputs are ${names.map((n) => `'${n}'`).join(', ')}; got ${JSON.stringify(which)}`,
    );
  }
  return t;
}
