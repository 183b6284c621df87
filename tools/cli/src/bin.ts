#!/usr/bin/env node
import { prestartImageWorker } from './image/thread.js';

// The image commands read and draw images in a worker thread: start it before loading the rest
// of the CLI, so that it has loaded its own modules by the time the first image is asked for.
if (['explain', 'detect', 'compare'].includes(process.argv[2] ?? '')) prestartImageWorker();

const { main } = await import('./main.js');

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
