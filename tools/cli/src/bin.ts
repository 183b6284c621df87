#!/usr/bin/env node
import { main } from './main.js';

// Ctrl-C aborts the run through the stacks' AbortSignal: it stops after the current batch,
// writes nothing and exits with 130. A second Ctrl-C exits at once.
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  signal: controller.signal,
  startTime: 0,
});
process.exitCode = code;
