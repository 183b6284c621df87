export type { OptionSpec, ParsedArgs } from './args/parse.js';
export { parseArgs } from './args/parse.js';
export { EXIT } from './errors.js';
export type { CliIO, OutStream } from './io.js';
export { COMMANDS, main } from './main.js';
