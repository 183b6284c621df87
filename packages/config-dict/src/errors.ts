/**
 * Errors of @salkit/config-dict, named as in ml_collections.config_dict.
 *
 * Everything else (type violations, locked dicts, missing keys, frozen dicts) uses the built-in
 * `TypeError` / `Error` classes, as the rest of salkit does.
 */

/** Raised when a change would make the reference graph cyclic (ml_collections' `MutabilityError`). */
export class MutabilityError extends Error {
  override name = 'MutabilityError';
}

/**
 * Raised when a required `FieldReference` (see `requiredPlaceholder`) is read before it has a value.
 * When the read goes through a `ConfigDict`, the message names the full dotted field path.
 */
export class RequiredValueError extends Error {
  override name = 'RequiredValueError';
}

/** Raised by `ConfigDict.fromJson` when the text is not valid JSON. */
export class JSONDecodeError extends Error {
  override name = 'JSONDecodeError';
}

/**
 * A missing key (ml_collections raises Python's `KeyError`/`AttributeError`). Internal: `get(key, default)`
 * catches exactly this class; users see it as an `Error` whose message names the key.
 */
export class KeyError extends Error {
  override name = 'KeyError';
}
