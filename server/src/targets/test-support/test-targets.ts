import type { TargetKnobsPatch } from '@poolscope/shared/target-config';
import { EchoTarget } from '../echo-target';
import { TestClient } from './test-client';
import { closeAfterEach } from '../../test-support/close-after-each';

/**
 * For a test file: a function that starts targets (no latency or jitter unless asked), each
 * closed after its test (by closeAfterEach) once every TestClient the test opened is gone, so
 * no socket outlives its test.
 */
export function targetsClosedAfterEach(): (knobs?: TargetKnobsPatch, random?: () => number) => Promise<EchoTarget> {
  const track = closeAfterEach();
  return async (knobs = {}, random) => {
    const target = track(await EchoTarget.start({ knobs: { latencyMs: 0, jitterMs: 0, ...knobs }, ...(random ? { random } : {}) }));
    // Tracked after the target, so it runs before the target closes (destroyAll is idempotent).
    track(() => TestClient.destroyAll());
    return target;
  };
}
