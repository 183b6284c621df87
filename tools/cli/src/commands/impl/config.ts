import { PerturbImage } from '@salkit/perturb';
import {
  GenerateClassifierConfidenceSaliency,
  GenerateDescriptorSimilaritySaliency,
  GenerateDetectorProposalSaliency,
} from '@salkit/scoring';
import {
  GenerateImageClassifierBlackboxSaliency,
  GenerateImageSimilarityBlackboxSaliency,
  GenerateObjectDetectorBlackboxSaliency,
} from '@salkit/stacks';
import type { ParsedArgs } from '../../args/parse.js';
import { UsageError } from '../../errors.js';
import type { CliIO } from '../../io.js';
import { type Impl, implsOf, loadExternalPlugins, type PluginInterface, shortName } from '../../saliency/plugins.js';
import { Values } from '../options.js';

/** The interfaces whose implementations `salkit config` knows, in the order it lists them. */
const INTERFACES: [string, PluginInterface][] = [
  ['perturbers (perturber)', PerturbImage],
  ['classifier scorers (explain: generator)', GenerateClassifierConfidenceSaliency],
  ['similarity scorers (compare: generator)', GenerateDescriptorSimilaritySaliency],
  ['detector scorers (detect: generator)', GenerateDetectorProposalSaliency],
  ['classifier stacks', GenerateImageClassifierBlackboxSaliency],
  ['similarity stacks', GenerateImageSimilarityBlackboxSaliency],
  ['detector stacks', GenerateObjectDetectorBlackboxSaliency],
];

function allImpls(): { group: string; impls: Impl[] }[] {
  return INTERFACES.map(([group, iface]) => ({ group, impls: implsOf(iface) }));
}

/** Finds a class by registered name or short class name (exact first, then ignoring case). */
function lookup(name: string): Impl[] {
  const all = [...new Map(allImpls().flatMap((g) => g.impls.map((i) => [i.type, i] as const))).values()];
  for (const match of [
    (i: Impl) => i.type === name,
    (i: Impl) => shortName(i.type) === name,
    (i: Impl) => i.type.toLowerCase() === name.toLowerCase(),
    (i: Impl) => shortName(i.type).toLowerCase() === name.toLowerCase(),
  ]) {
    const found = all.filter(match);
    if (found.length > 0) return found;
  }
  return [];
}

function listing(): string {
  const lines: string[] = [];
  for (const { group, impls } of allImpls()) {
    if (impls.length === 0) continue;
    lines.push(`${group}:`);
    for (const i of impls) lines.push(`  ${shortName(i.type).padEnd(34)} ${i.type}`);
  }
  return lines.join('\n');
}

/** Runs `salkit config`. */
export async function runConfig(args: ParsedArgs, io: CliIO): Promise<number> {
  const V = new Values(args);
  await loadExternalPlugins(io.cwd);
  if (args.positionals.length === 0) {
    io.stdout.write(`Configurable classes (salkit config <ClassName> prints one):\n${listing()}\n`);
    return 0;
  }
  if (args.positionals.length > 1) {
    throw new UsageError(
      `expected one class name, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
      'config',
    );
  }
  const name = args.positionals[0] as string;
  const found = lookup(name);
  if (found.length === 0) {
    throw new UsageError(
      `ClassName: unknown class ${JSON.stringify(name)}; the configurable classes are:\n${listing()}`,
      'config',
    );
  }
  if (found.length > 1) {
    throw new UsageError(
      `ClassName: ${JSON.stringify(name)} names ${found.length} classes (${found.map((i) => i.type).join(', ')}); give the full name`,
      'config',
    );
  }
  const impl = found[0] as Impl;
  const defaults = impl.cls.getDefaultConfig();
  const schema = impl.cls.getConfigJsonSchema();
  if (V.flag('json')) {
    io.stdout.write(`${JSON.stringify({ type: impl.type, defaultConfig: defaults, jsonSchema: schema }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    [
      `${impl.type} (${shortName(impl.type)})`,
      '',
      'Default config (null: required, no default):',
      JSON.stringify(defaults, null, 2),
      '',
      'As a config block ({ type, <name>: {...} }, for fromConfigDict):',
      JSON.stringify({ type: impl.type, [impl.type]: defaults }, null, 2),
      '',
      'JSON Schema:',
      JSON.stringify(schema, null, 2),
      '',
    ].join('\n'),
  );
  return 0;
}
