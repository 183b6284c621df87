import { z } from 'zod';
import type { AnyClass } from './abstract.js';
import { fromConfigDict } from './config-dict.js';
import { tagConfigurableField } from './field-tags.js';
import { className, describe, isPlainObject } from './json.js';

/** The `{ type: <name>, <name>: {...} }` form of a nested configuration. */
export type NestedConfig = Readonly<Record<string, unknown>> & { readonly type: string | null };

/** Options of {@link configurableField}. */
export interface ConfigurableFieldOptions {
  /**
   * The classes a nested configuration may choose from, read when a configuration is parsed.
   * Default: `iface.getImpls()` when `iface` is Pluggable, else `[iface]`.
   */
  candidates?: () => Iterable<AnyClass>;
}

/**
 * A zod schema for an option that is itself a configurable object (e.g. the perturber of a stack).
 * It accepts an instance of `iface` (as constructors are called) or a nested configuration
 * `{ type: <name>, <name>: {...} }` (as `fromConfig` passes it), which it builds with `fromConfigDict`
 * among the candidates; `getConfig()` serialises the instance back to the nested form.
 *
 * ```ts
 * const Schema = z.object({ perturber: configurableField(PerturbImage), threads: z.number().default(0) });
 * ```
 *
 * Chain `.nullable().default(null)` for an optional one.
 */
export function configurableField<C extends AnyClass>(
  iface: C,
  options: ConfigurableFieldOptions = {},
): z.ZodType<InstanceType<C>, InstanceType<C> | NestedConfig> {
  if (typeof iface !== 'function' || typeof (iface as { prototype?: unknown }).prototype !== 'object') {
    throw new TypeError(`configurableField: iface: expected a class, got ${describe(iface)}`);
  }
  const candidates =
    options.candidates ??
    (() => {
      const getImpls = (iface as unknown as { getImpls?: () => Iterable<AnyClass> }).getImpls;
      return typeof getImpls === 'function' ? getImpls.call(iface) : [iface];
    });
  const name = className(iface);
  const input = z.custom<InstanceType<C> | NestedConfig>(() => true);
  tagConfigurableField(input, { iface, candidates });
  return input.transform((value, ctx): InstanceType<C> => {
    if (value instanceof iface) return value as InstanceType<C>;
    if (isPlainObject(value)) {
      try {
        const inst = fromConfigDict(value, candidates());
        if (inst instanceof iface) return inst as InstanceType<C>;
        ctx.addIssue({ code: 'custom', message: `expected an instance of ${name}, got ${describe(inst)}` });
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
      }
      return z.NEVER;
    }
    ctx.addIssue({
      code: 'custom',
      message: `expected an instance of ${name} or a configuration {"type": <name>, <name>: {...}}, got ${describe(value)}`,
    });
    return z.NEVER;
  }) as unknown as z.ZodType<InstanceType<C>, InstanceType<C> | NestedConfig>;
}
