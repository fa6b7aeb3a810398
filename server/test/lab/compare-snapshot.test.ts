import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab/lab';
import { waitFor } from '../../src/test-support/wait-for';

// One tick a second: a read between ticks is the case under test, not a rare timing.
describe("the lab's snapshot between ticks", () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 1, load: { concurrency: 1, thinkMs: 20 } });
  });
  afterAll(async () => {
    await lab.close();
  });

  it('shows no B once the comparison stops, and never the B a new comparison replaced', async () => {
    await lab.compare.start({ b: { pool: { maxOpen: 4 } } });
    await waitFor(() => lab.snapshot().compare !== null, { timeoutMs: 5000, what: "B's first tick" });
    const firstB = lab.snapshot().compare!;
    expect(firstB.b.config.pool.maxOpen).toBe(4);

    await lab.compare.start({ b: { pool: { maxOpen: 3 } } });
    const afterReplace = lab.snapshot().compare;
    // Until the new B's first tick there is nothing of it to show; the old B is not shown in its place.
    expect(afterReplace === null || afterReplace.b.config.pool.maxOpen === 3).toBe(true);
    await waitFor(() => lab.snapshot().compare !== null, { timeoutMs: 5000, what: "the new B's first tick" });
    expect(lab.snapshot().compare!.b.config.pool.maxOpen).toBe(3);

    await lab.compare.stop();
    expect(lab.snapshot().compare).toBeNull();
    expect(lab.snapshot().pool.maxOpen).toBe(10);
  });

  it('after keep B, the snapshot has no comparison', async () => {
    await lab.compare.start({ b: { pool: { maxOpen: 6 } } });
    await waitFor(() => lab.snapshot().compare !== null, { timeoutMs: 5000, what: "B's first tick" });
    await lab.compare.keepB();
    expect(lab.snapshot().compare).toBeNull();
    expect(lab.config().pool.maxOpen).toBe(6);
  });
});
