/** `salkit config`: its options and help. The run itself (./impl/config.ts) loads when it starts. */
import type { ParsedArgs } from '../args/parse.js';
import type { CliIO } from '../io.js';
import type { Command } from './command.js';
import { HELP } from './options.js';

async function run(args: ParsedArgs, io: CliIO): Promise<number> {
  const { runConfig } = await import('./impl/config.js');
  return runConfig(args, io);
}

export const config: Command = {
  name: 'config',
  summary: "print a class's default config and JSON Schema (no name: list the classes)",
  usage: ['config [ClassName] [--json]'],
  description: [
    'Prints the default configuration and the JSON Schema of a configurable class: a perturber, a',
    'scorer or a stack. Name it by its registered name (salkit.perturb.RISEGrid) or its class name',
    '(RISEGrid). Without a name, lists the classes (plugins from SALKIT_PLUGIN_PATH included).',
  ],
  groups: [
    {
      title: 'Options',
      options: [{ name: 'json', help: 'print one JSON object { type, defaultConfig, jsonSchema }' }, HELP],
    },
  ],
  examples: ['salkit config RISEGrid', 'salkit config salkit.scoring.SimilarityScoring --json', 'salkit config'],
  positionals: { max: 1, what: 'one class name' },
  run,
};
