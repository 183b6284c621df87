import { describe, expect, it } from 'vitest';
import { runJob } from '../src/image/jobs.js';

describe('image worker jobs', () => {
  it('runs the warm-up render, which writes nothing and returns nothing', async () => {
    await expect(runJob('warm', null)).resolves.toBeNull();
  });

  it('rejects an unknown job by name', async () => {
    await expect(runJob('paint' as never, null as never)).rejects.toThrow(/image worker: unknown job paint/);
  });
});
