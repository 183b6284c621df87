import { type AnyClass, abstractMethodsOf } from './abstract.js';
import { NotUsableError } from './errors.js';
import { className } from './json.js';

/** Throws a TypeError (as Python's ABCMeta does) when `cls` still has unimplemented abstract members. */
export function assertNotAbstract(cls: AnyClass): void {
  const missing = abstractMethodsOf(cls);
  if (missing.length > 0) {
    throw new TypeError(
      `Can't instantiate abstract class ${className(cls)}: abstract member${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not implemented`,
    );
  }
}

/** Throws {@link NotUsableError} when `cls.isUsable()` is false. */
export function assertUsable(cls: { isUsable(): boolean }): void {
  if (!cls.isUsable()) {
    throw new NotUsableError(
      `Implementation class ${className(cls)} is not currently usable (its isUsable() returned false)`,
    );
  }
}
