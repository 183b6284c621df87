/**
 * Recognising FieldReferences without importing the class (keeps the module graph acyclic:
 * field-reference.ts -> equality.ts -> state.ts must not import field-reference.ts back).
 */

/** @internal set to `true` on `FieldReference.prototype`. */
export const REF_BRAND: unique symbol = Symbol('salkit.config-dict.FieldReference');

/** The part of a FieldReference that brand-checking modules use. */
export interface RefLike {
  get(): unknown;
  getType(): unknown;
  empty(): boolean;
}

export function isRef(value: unknown): value is RefLike {
  return typeof value === 'object' && value !== null && (value as { [REF_BRAND]?: unknown })[REF_BRAND] === true;
}
