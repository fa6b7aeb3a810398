import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LESSONS } from '@poolscope/shared/lessons';
import { ControlPolicy } from '../../src/api/control-policy';
import { gatewayHarness } from '../test-support/gateway-harness';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { FUZZ_SEED, viaJson } from '../test-support/arbitraries';

/** The oracle is the lesson list itself: a go is valid exactly when the id names a lesson and step is an integer in 1..steps. */
function isValidGo(sent: unknown): boolean {
  if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) return false;
  const { id, step } = sent as { id?: unknown; step?: unknown };
  const lesson = LESSONS.find((l) => l.id === id);
  return lesson !== undefined && typeof step === 'number' && Number.isInteger(step) && step >= 1 && step <= lesson.steps.length;
}

describe('lesson:go fuzzing', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab({ embeddedTargets: 0, load: { running: false } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('moves to exactly the step asked for, or acks an error and leaves lesson and config as they were', async () => {
    const harness = gatewayHarness(t.lab, new ControlPolicy(null));
    const lessonId = fc.oneof(fc.constantFrom(...LESSONS.map((l) => l.id)), fc.string({ maxLength: 70 }), fc.constant(42));
    const step = fc.oneof(fc.integer({ min: -2, max: 10 }), fc.double(), fc.string(), fc.constant(null));
    const validMove = fc
      .constantFrom(...LESSONS)
      .chain((l) => fc.record({ id: fc.constant(l.id), step: fc.integer({ min: 1, max: l.steps.length }) }));
    const body = fc.oneof(validMove, fc.record({ id: lessonId, step }, { requiredKeys: [] }), fc.anything());
    let moved = 0;
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const sent = viaJson(payload);
        const before = { lesson: t.lab.lesson(), config: t.lab.config() };
        const ack = await harness.connect()('lesson:go', sent);
        if (isValidGo(sent)) {
          expect(ack.ok, JSON.stringify(ack)).toBe(true);
          expect(t.lab.lesson()).toEqual({ id: (sent as { id: string }).id, step: (sent as { step: number }).step });
          moved++;
        } else {
          expect(ack.ok).toBe(false);
          if (!ack.ok) expect(['INVALID_REQUEST', 'NOT_FOUND']).toContain(ack.error.code);
          expect({ lesson: t.lab.lesson(), config: t.lab.config() }).toEqual(before);
        }
      }),
      { numRuns: 200, seed: FUZZ_SEED },
    );
    expect(moved, 'some fuzzed moves are valid').toBeGreaterThan(20);
    harness.detach();
  });
});
