/**
 * Entry of the image worker thread (started by ./thread.ts): runs jobs (./jobs.ts) posted as
 * `{ id, name, args }` and answers `{ id, result }` or `{ id, error: { name, message } }`.
 * Importing ./jobs.ts loads @salkit/viz, so a worker started early has it ready.
 */
import { parentPort } from 'node:worker_threads';
import { messageOf } from '../errors.js';
import { type JobName, runJob, transferablesOf } from './jobs.js';

const port = parentPort;
if (!port) throw new Error('image/worker.js runs as a worker thread (see image/thread.js)');

port.on('message', async ({ id, name, args }: { id: number; name: JobName; args: never }) => {
  try {
    const result = await runJob(name, args);
    port.postMessage({ id, result }, transferablesOf(name, result));
  } catch (e) {
    const errorName = e instanceof Error ? e.name : 'Error';
    port.postMessage({ id, error: { name: errorName, message: messageOf(e) } });
  }
});
