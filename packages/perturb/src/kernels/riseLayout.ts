import type { ResizeAxisTable } from '@salkit/ndarray';

/**
 * The upsampling tables and block structure of RISE masks of one geometry (built by riseMask.ts's
 * `riseLayout`, read by the JS and WebAssembly mask writers).
 */
export interface RiseLayout {
  readonly H: number;
  readonly W: number;
  readonly s: number;
  /** Row and column tables of the upsampling (taps and weights per upsampled index). */
  readonly rows: ResizeAxisTable;
  readonly cols: ResizeAxisTable;
  /** Bands: upsampled rows `[bandStart[b], bandStart[b+1])` all read grid rows `bandR0[b]`, `bandR1[b]`. */
  readonly bandStart: Int32Array;
  readonly bandR0: Int32Array;
  readonly bandR1: Int32Array;
  /** Segments: upsampled columns `[segStart[k], segStart[k+1])` all read grid columns `segJ0[k]`, `segJ1[k]`. */
  readonly segStart: Int32Array;
  readonly segJ0: Int32Array;
  readonly segJ1: Int32Array;
  /** Whether the row-combination formula is verified bit-exact here: true, false, or null (not checked). */
  rowFormulaExact: boolean | null;
  /** Scratch for the row formula: the s grid rows interpolated over the W cropped columns. */
  readonly rowScratch: Float64Array;
  /** Scratch for the row formula: the difference of a band's two interpolated rows. */
  readonly diffScratch: Float64Array;
}
