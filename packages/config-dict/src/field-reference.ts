import { deepEqual } from './equality.js';
import { MutabilityError, RequiredValueError } from './errors.js';
import {
  pyAbs,
  pyAdd,
  pyAnd,
  pyAttr,
  pyFloat,
  pyFloorDiv,
  pyInt,
  pyMod,
  pyMul,
  pyNeg,
  pyNot,
  pyOr,
  pyPow,
  pyStr,
  pySub,
  pyTrueDiv,
  pyXor,
} from './python-ops.js';
import { REF_BRAND } from './refs.js';
import { describe, type FieldType, isSubclassOf, isTypeSafetyViolation, typeName, typeOf } from './types.js';

/** A lazily applied operation: `fn(value, ...args)`, where references among `args` are resolved first. */
export interface LazyOp {
  // biome-ignore lint/suspicious/noExplicitAny: ops take and return arbitrary field values
  fn: (value: any, ...args: any[]) => unknown;
  args?: readonly unknown[];
}

export interface FieldReferenceOptions {
  /** The field's type (a constructor); inferred from the default value when omitted. */
  fieldType?: FieldType | null;
  /** An operation applied to the referenced value on `get()`. */
  op?: LazyOp | null;
  /** `get()` throws `RequiredValueError` while the value is null (not allowed together with `op`). */
  required?: boolean;
}

/** A value or a reference to one (operands of the lazy ops). */
export type RefOrValue<T = unknown> = T | FieldReference<T>;

function computed(value: unknown): unknown {
  return value instanceof FieldReference ? value.get() : value;
}

/** ml_collections' `_safe_cast` for a reference: type check only (JS has no int/float or str/unicode split). */
function checkType(value: unknown, fieldType: FieldType, where: string): void {
  if (isTypeSafetyViolation(value, fieldType)) {
    throw new TypeError(`${where}: expected a value of type ${typeName(fieldType)}, got ${describe(value)}`);
  }
}

const defaultFor = (type: FieldType): unknown => (type === (String as unknown) ? '' : 0);

/**
 * A typed, shareable pointer to a configuration value (ml_collections' `FieldReference`).
 *
 * Storing the same reference in several `ConfigDict` fields links them; the lazy op methods (`add`,
 * `mul`, `floordiv`, ...) return new references whose value is computed on `get()` from the current
 * values of their operands.
 *
 * ```ts
 * const ref = new FieldReference(1);
 * const plusTen = ref.add(10);
 * ref.set(5);
 * plusTen.get(); // 15
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: a reference may hold any value
export class FieldReference<T = any> {
  /** @internal the referenced value, or another FieldReference it points to. */
  private _value: unknown = null;
  /** @internal */
  private _fieldType: FieldType;
  /** @internal ops applied on get(). */
  private _ops: LazyOp[] = [];
  /** @internal */
  private _required: boolean;

  /** A reference with no value yet: `fieldType` is required. */
  constructor(defaultValue: null | undefined, options: FieldReferenceOptions);
  /** A reference to `defaultValue` (or to another reference), typed by it unless `fieldType` is given. */
  constructor(defaultValue: T | FieldReference<T>, options?: FieldReferenceOptions);
  constructor(defaultValue: T | FieldReference<T> | null | undefined, options: FieldReferenceOptions = {}) {
    if (options === null || typeof options !== 'object') {
      throw new TypeError(`FieldReference: options: expected an object, got ${describe(options)}`);
    }
    const { fieldType = null, op = null, required = false } = options;
    let type: FieldType;
    if (fieldType === null || fieldType === undefined) {
      if (defaultValue === null || defaultValue === undefined) {
        throw new Error('FieldReference: the default value cannot be null when no fieldType is given');
      }
      type = defaultValue instanceof FieldReference ? defaultValue.getType() : (typeOf(defaultValue) as FieldType);
    } else {
      if (typeof fieldType !== 'function') {
        throw new TypeError(
          `FieldReference: fieldType should be a type (a constructor such as Number, String or a class), not ${describe(fieldType)} ` +
            "(ml_collections' field_type should be a type)",
        );
      }
      type = fieldType;
    }
    if (typeof required !== 'boolean') {
      throw new TypeError(`FieldReference: required: expected a boolean, got ${describe(required)}`);
    }
    if (required && op !== null) throw new Error('FieldReference: cannot set required to true when an op is given');
    if (op !== null && (typeof op !== 'object' || typeof op.fn !== 'function')) {
      throw new TypeError(`FieldReference: op: expected { fn, args? } with a function fn, got ${describe(op)}`);
    }
    this._fieldType = type;
    this._required = required;
    this.set(defaultValue ?? null);
    this._ops = op === null ? [] : [{ fn: op.fn, args: [...(op.args ?? [])] }];
  }

  /** Is there a cycle in the graph of references reachable from this one? */
  hasCycle(visited: ReadonlySet<FieldReference> = new Set()): boolean {
    if (visited.has(this)) return true;
    const seen = new Set(visited).add(this);
    if (this._value instanceof FieldReference && this._value.hasCycle(seen)) return true;
    for (const op of this._ops) {
      for (const arg of op.args ?? []) if (arg instanceof FieldReference && arg.hasCycle(seen)) return true;
    }
    return false;
  }

  /**
   * Overwrites the referenced value (dropping any ops). With `typeSafe`, the value must match the
   * reference's type (`TypeError`); pointing at another reference that (indirectly) points back
   * throws `MutabilityError`. A failed call leaves the reference unchanged.
   */
  set(value: RefOrValue<T> | null | undefined, typeSafe?: true): void;
  /** Without the type check (`typeSafe = false`) any value is accepted. */
  set(value: unknown, typeSafe: boolean): void;
  set(value: unknown, typeSafe = true): void {
    if (value === null || value === undefined) {
      this._ops = [];
      this._value = null;
      return;
    }
    if (value instanceof FieldReference) {
      if (typeSafe && !isSubclassOf(value.getType(), this._fieldType)) {
        throw new TypeError(
          `FieldReference.set: reference is of type ${typeName(value.getType())} but should be of type ${typeName(this._fieldType)}`,
        );
      }
      const oldValue = this._value;
      const oldOps = this._ops;
      this._value = value;
      this._ops = [];
      if (this.hasCycle()) {
        this._value = oldValue;
        this._ops = oldOps;
        throw new MutabilityError('Found cycle in reference graph.');
      }
      return;
    }
    if (typeSafe) checkType(value, this._fieldType, 'FieldReference.set');
    this._ops = [];
    this._value = value;
  }

  /** True when the reference points to null. */
  empty(): boolean {
    return this._value === null || this._value === undefined;
  }

  /** The value, with referenced references resolved and ops applied (an op on null gives null). */
  get(): T {
    if (this._required && this.empty()) {
      throw new RequiredValueError('Required value missing: the FieldReference holds null');
    }
    let value = computed(this._value);
    for (const op of this._ops) {
      const args = (op.args ?? []).map(computed);
      if (value === null || value === undefined || args.some((a) => a === null || a === undefined)) {
        value = null;
      } else {
        value = op.fn(value, ...args);
      }
      value = computed(value);
    }
    return value as T;
  }

  /** The field type (a constructor). */
  getType(): FieldType {
    return this._fieldType;
  }

  /** @internal brand read by modules that must not import this class (see refs.ts). */
  get [REF_BRAND](): true {
    return true;
  }

  /** Is this reference required (see `requiredPlaceholder`)? */
  get required(): boolean {
    return this._required;
  }

  /** Python's `==`: compares the resolved value with `other` (resolved too when it is a reference). */
  equals(other: unknown): boolean {
    const a = this.get();
    const b = computed(other);
    return deepEqual(a, b);
  }

  // biome-ignore lint/suspicious/noExplicitAny: result type of a lazy op depends on operand types
  private applyOp(fn: (value: any, ...args: any[]) => unknown, ...args: unknown[]): FieldReference<any> {
    return new FieldReference(this, { fieldType: this._fieldType, op: { fn, args } });
  }

  private applyCastOp<U>(type: FieldType, cast: (v: unknown) => U): FieldReference<U> {
    return new FieldReference<U>(defaultFor(type) as U, {
      fieldType: type,
      op: { fn: (_unused: unknown, v: unknown) => cast(v), args: [this] },
    });
  }

  /** A new reference to the same value (a one-way link: setting it does not change this one). */
  identity(): FieldReference<T> {
    return this.applyOp(identityFn);
  }
  /** Lazily reads attribute `name` (dotted names walk nested attributes). */
  attr(name: string): FieldReference {
    if (typeof name !== 'string')
      throw new TypeError(`FieldReference.attr: name: expected a string, got ${describe(name)}`);
    return this.applyOp(pyAttr, name);
  }
  /** `this + other`: numbers add, strings and arrays concatenate. */
  add(other: RefOrValue): FieldReference {
    return this.applyOp(pyAdd, other);
  }
  /** `this - other` (numbers; Set difference). */
  sub(other: RefOrValue): FieldReference {
    return this.applyOp(pySub, other);
  }
  /** `this * other` (numbers; a string or array times an integer repeats it). */
  mul(other: RefOrValue): FieldReference {
    return this.applyOp(pyMul, other);
  }
  /** True division `this / other`. */
  div(other: RefOrValue): FieldReference {
    return this.applyOp(pyTrueDiv, other);
  }
  /** Floor division `this // other` (rounds toward -infinity). */
  floordiv(other: RefOrValue): FieldReference {
    return this.applyOp(pyFloorDiv, other);
  }
  /** Python modulo `this % other` (the result has the sign of `other`). */
  mod(other: RefOrValue): FieldReference {
    return this.applyOp(pyMod, other);
  }
  /** `this ** other`. */
  pow(other: RefOrValue): FieldReference {
    return this.applyOp(pyPow, other);
  }
  /** `-this`. */
  neg(): FieldReference {
    return this.applyOp(pyNeg);
  }
  /** `abs(this)`. */
  abs(): FieldReference {
    return this.applyOp(pyAbs);
  }
  /** `this & other`: logical on booleans, bitwise on integers, intersection on Sets. */
  and(other: RefOrValue): FieldReference {
    return this.applyOp(pyAnd, other);
  }
  /** `this | other`: logical on booleans, bitwise on integers, union on Sets. */
  or(other: RefOrValue): FieldReference {
    return this.applyOp(pyOr, other);
  }
  /** `this ^ other`: logical on booleans, bitwise on integers, symmetric difference on Sets. */
  xor(other: RefOrValue): FieldReference {
    return this.applyOp(pyXor, other);
  }
  /** Logical not on booleans, bitwise inversion on integers. */
  not(): FieldReference {
    return this.applyOp(pyNot);
  }
  /** A Number reference holding `int(this)` (truncates toward zero; parses integer strings). */
  toInt(): FieldReference<number> {
    return this.applyCastOp(Number, pyInt);
  }
  /** A Number reference holding `float(this)` (parses numeric strings). */
  toFloat(): FieldReference<number> {
    return this.applyCastOp(Number, pyFloat);
  }
  /** A String reference holding `str(this)`. */
  toStr(): FieldReference<string> {
    return this.applyCastOp(String, pyStr);
  }

  /** `JSON.stringify(ref)` writes the resolved value. */
  toJSON(): unknown {
    return this.get();
  }

  toString(): string {
    let shown: string;
    try {
      shown = describe(this.get());
    } catch (e) {
      shown = `<${(e as Error).name}>`;
    }
    return `FieldReference(${shown})`;
  }

  /**
   * JS has no operator overloading: using a reference as a number (`ref + 1`, `ref > 0`) is a bug, so it
   * throws (ml_collections forbids `bool(ref)` likewise). `${ref}` gives a description.
   */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === 'string') return this.toString();
    throw new TypeError(
      'FieldReference cannot be used as a primitive value (arithmetic, comparison or control flow); use ref.get() or the lazy ops such as ref.add(x)',
    );
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /**
   * Lets test matchers compare a reference by value, as Python's `==` does:
   * `expect(cfg.getRef('a')).toEqual(3)`.
   */
  asymmetricMatch(other: unknown): boolean {
    try {
      return this.equals(other);
    } catch {
      return false;
    }
  }
}

const identityFn = (x: unknown) => x;
