import { z } from 'zod';
import { isConfigurableClass } from './brand.js';
import { configurableFieldInfo } from './field-tags.js';
import { schemaOf } from './options.js';
import { registeredNameOf } from './registry.js';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of the configuration of `cls` (the input side of its `configSchema`), for editors and
 * validators. Nested configurable options (`configurableField`) become the `{type, <type>: {...}}` form,
 * with one sub-schema per registered candidate.
 */
export function configJsonSchema(cls: unknown, visiting: ReadonlySet<unknown> = new Set()): JsonSchema {
  const inner = new Set(visiting).add(cls);
  const schema = z.toJSONSchema(schemaOf(cls), {
    io: 'input',
    unrepresentable: (ctx) => {
      const info = configurableFieldInfo(ctx.zodSchema);
      if (info === undefined) return 'any';
      const names: string[] = [];
      const properties: Record<string, unknown> = {};
      for (const candidate of info.candidates()) {
        const name = registeredNameOf(candidate);
        if (name === undefined || !isConfigurableClass(candidate)) continue;
        names.push(name);
        if (!inner.has(candidate)) {
          const { $schema: _, ...sub } = configJsonSchema(candidate, inner);
          properties[name] = sub;
        } else {
          properties[name] = { type: 'object' };
        }
      }
      return {
        type: 'object',
        description: 'a configuration {"type": <name>, <name>: {...options}}',
        properties: { type: names.length ? { type: 'string', enum: names } : { type: 'string' }, ...properties },
        required: ['type'],
        additionalProperties: { type: 'object' },
      };
    },
  }) as JsonSchema;
  const title = registeredNameOf(cls);
  return title === undefined ? schema : { ...schema, title };
}
