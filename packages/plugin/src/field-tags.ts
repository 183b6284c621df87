import type { z } from 'zod';
import type { AnyClass } from './abstract.js';

/** What `configurableField` records about the zod schema it makes, for JSON Schema generation. */
export interface ConfigurableFieldInfo {
  iface: AnyClass;
  candidates: () => Iterable<unknown>;
}

const tags = new WeakMap<z.ZodType, ConfigurableFieldInfo>();

export function tagConfigurableField(schema: z.ZodType, info: ConfigurableFieldInfo): void {
  tags.set(schema, info);
}

export function configurableFieldInfo(schema: unknown): ConfigurableFieldInfo | undefined {
  return typeof schema === 'object' && schema !== null ? tags.get(schema as z.ZodType) : undefined;
}
