import { afterEach } from 'vitest';
import type { TargetKnobsPatch } from '@poolscope/shared/target-config';
import { EchoTarget } from '../echo-target';
import { TestClient } from './test-client';

/**
 * For a test file: a function that starts targets (no latency or jitter unless asked), and an
 * afterEach that closes them and every TestClient, so no socket outlives its test.
 */
export function targetsClosedAfterEach(): (knobs?: TargetKnobsPatch, random?: () => number) => Promise<EchoTarget> {
  const started: EchoTarget[] = [];
  afterEach(async () => {
    await TestClient.destroyAll();
    await Promise.all(started.splice(0).map((t) => t.close()));
  });
  return async (knobs = {}, random) => {
    const target = await EchoTarget.start({ knobs: { latencyMs: 0, jitterMs: 0, ...knobs }, ...(random ? { random } : {}) });
    started.push(target);
    return target;
  };
}
