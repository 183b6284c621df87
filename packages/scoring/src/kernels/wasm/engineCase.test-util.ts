/**
 * A case of the engine tests: C maps of P pixels from n masks of a kind, with the weights
 * `alpha + beta*m` (`round`: numpy's float32 weights) and float64 or float32 (`float32`) arithmetic.
 */
export interface EngineCase<Kind extends string> {
  C: number;
  P: number;
  n: number;
  kind: Kind;
  float32?: boolean;
  round?: boolean;
  alpha: number;
  beta: number;
}
