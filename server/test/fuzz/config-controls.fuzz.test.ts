import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { patchTargetKnobs } from '@poolscope/shared/config-rules';
import type { LabConfig } from '@poolscope/shared/protocol';
import { ControlPolicy } from '../../src/api/control-policy';
import { patchLabConfig } from '../../src/lab/patch-lab-config';
import { SCENARIOS } from '../../src/lab/scenarios';
import { gatewayHarness, type Emit } from '../test-support/gateway-harness';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { configBody, FUZZ_SEED, targetKnobsPatch, viaJson } from '../test-support/arbitraries';

/** What a config patch must do: the whole new config, or null when it must be refused and change nothing. */
function expectedConfig(current: LabConfig, body: unknown): LabConfig | null {
  try {
    return patchLabConfig(current, body);
  } catch {
    return null;
  }
}

describe('config fuzzing: PATCH /api/config and config:patch apply whole or not at all', () => {
  let t: TestLab;
  let baseline: LabConfig;
  beforeAll(async () => {
    // No targets and no load: a fuzzed maxOpen of 5000 dials nothing.
    t = await startTestLab({ embeddedTargets: 0, load: { running: false } });
    baseline = t.lab.config();
  });
  afterAll(async () => {
    await t.close();
  });
  const reset = () => t.lab.patchConfig(baseline);

  it('REST: a 200 with exactly the validated config, or a 400 with details and nothing changed; never a 500', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(configBody, async (body) => {
        reset();
        const before = t.lab.config();
        const sent = viaJson(body);
        const expected = expectedConfig(before, sent);
        const response = await t.app.inject({
          method: 'PATCH',
          url: '/api/config',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body) ?? 'null',
        });
        if (expected) {
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json()).toEqual(expected);
          applied++;
          expect(t.lab.config()).toEqual(expected);
        } else {
          expect(response.statusCode, response.body).toBe(400);
          const error = response.json();
          expect(['INVALID_CONFIG', 'INVALID_REQUEST']).toContain(error.code);
          expect(error.message.length).toBeGreaterThan(0);
          expect(t.lab.config()).toEqual(before);
        }
      }),
      { numRuns: 300, seed: FUZZ_SEED },
    );
    expect(applied, 'some fuzzed patches are valid').toBeGreaterThan(10);
  });

  it('REST: bodies that are not JSON objects, or not JSON at all, are 4xx and change nothing', async () => {
    const raw = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('{', '{"pool":', '[]', 'null', '"x"', '{"pool":{"maxOpen":3}', '\u0000', '{"__proto__":{"x":1}}'),
    );
    const contentType = fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    );
    await fc.assert(
      fc.asyncProperty(raw, contentType, async (payload, type) => {
        const before = t.lab.config();
        const response = await t.app.inject({ method: 'PATCH', url: '/api/config', headers: { 'content-type': type }, payload });
        if (response.statusCode === 200) expect(response.json()).toEqual(expectedConfig(before, JSON.parse(payload)));
        else expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode !== 200) expect(t.lab.config()).toEqual(before);
      }),
      { numRuns: 150, seed: FUZZ_SEED },
    );
  });

  it('socket config:patch: acked ok with exactly the validated config, or an error ack and nothing changed', async () => {
    const gateway = gatewayHarness(t.lab, new ControlPolicy(null));
    let applied = 0;
    try {
      await fc.assert(
        fc.asyncProperty(configBody, async (body) => {
          reset();
          const emit = gateway.connect();
          const before = t.lab.config();
          const sent = viaJson(body);
          const isObject = sent !== null && typeof sent === 'object' && !Array.isArray(sent);
          const expected = isObject ? expectedConfig(before, sent) : null;
          const ack = await emit('config:patch', sent);
          if (expected) {
            expect(ack).toEqual({ ok: true, data: expected });
            applied++;
            expect(t.lab.config()).toEqual(expected);
          } else {
            expect(ack.ok).toBe(false);
            if (!ack.ok) expect(['INVALID_CONFIG', 'INVALID_REQUEST']).toContain(ack.error.code);
            expect(t.lab.config()).toEqual(before);
          }
        }),
        { numRuns: 300, seed: FUZZ_SEED },
      );
    } finally {
      gateway.detach();
    }
    expect(applied, 'some fuzzed patches are valid').toBeGreaterThan(10);
  });
});

describe('control fuzzing: target:patch, target:restart, scenario:apply and leaks:reclaim with arbitrary payloads', () => {
  let t: TestLab;
  let emit: () => Emit;
  let detach: () => void;
  beforeAll(async () => {
    t = await startTestLab({ embeddedTargets: 1, load: { running: false } });
    const gateway = gatewayHarness(t.lab, new ControlPolicy(null));
    emit = () => gateway.connect();
    detach = gateway.detach;
  });
  afterAll(async () => {
    detach();
    await t.close();
  });

  const id = fc.oneof(
    { weight: 3, arbitrary: fc.constant('t1') },
    fc.string({ maxLength: 70 }),
    fc.constantFrom('', 't2', 'x'.repeat(65), '__proto__'),
    fc.integer(),
    fc.constant(null),
  );
  const anyPayload = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ id }, { requiredKeys: [] }));

  it('target:patch applies the knobs whole or acks an error and leaves them as they were', async () => {
    let applied = 0;
    const payload = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record(
          { id, patch: fc.oneof({ weight: 4, arbitrary: targetKnobsPatch }, fc.jsonValue({ maxDepth: 2 })) },
          { requiredKeys: [] },
        ),
      },
      anyPayload,
    );
    await fc.assert(
      fc.asyncProperty(payload, async (body) => {
        const target = t.lab.targets.get('t1').embedded!;
        const before = target.knobs();
        const sent = viaJson(body) as { id?: unknown; patch?: unknown } | null;
        const ack = await emit()('target:patch', sent);
        const valid =
          sent !== null && typeof sent === 'object' && !Array.isArray(sent) && sent.id === 't1'
            ? patchTargetKnobs(before, sent.patch)
            : null;
        if (valid?.ok) {
          expect(ack.ok, JSON.stringify(ack)).toBe(true);
          expect(target.knobs()).toEqual(valid.value);
          applied++;
        } else {
          expect(ack.ok).toBe(false);
          if (!ack.ok) expect(['INVALID_CONFIG', 'INVALID_REQUEST', 'NOT_FOUND']).toContain(ack.error.code);
          expect(target.knobs()).toEqual(before);
        }
      }),
      { numRuns: 250, seed: FUZZ_SEED },
    );
    expect(applied, 'some fuzzed patches are valid').toBeGreaterThan(3);
  });

  it('scenario:apply and target:restart either do exactly their job or ack an error and change nothing', async () => {
    const scenarioId = fc.oneof(id, fc.constantFrom(...SCENARIOS.map((s) => s.id)));
    const payload = fc.tuple(
      fc.constantFrom('scenario:apply', 'target:restart', 'leaks:reclaim'),
      fc.oneof(fc.record({ id: scenarioId }, { requiredKeys: [] }), anyPayload),
    );
    await fc.assert(
      fc.asyncProperty(payload, async ([event, body]) => {
        t.lab.load.reconfigure({ running: false });
        const before = { config: t.lab.config(), knobs: t.lab.targets.get('t1').embedded!.knobs() };
        const sent = viaJson(body) as { id?: unknown } | null;
        const ack = await emit()(event, sent);
        const isObject = sent !== null && typeof sent === 'object' && !Array.isArray(sent);
        const known =
          event === 'scenario:apply' ? SCENARIOS.some((s) => s.id === sent?.id) : event === 'target:restart' ? sent?.id === 't1' : true;
        if (isObject && known) {
          expect(ack.ok, JSON.stringify(ack)).toBe(true);
          if (event === 'scenario:apply' && ack.ok) expect(ack.data).toEqual(t.lab.config());
        } else {
          expect(ack.ok).toBe(false);
          if (!ack.ok) expect(['INVALID_REQUEST', 'NOT_FOUND']).toContain(ack.error.code);
          expect({ config: t.lab.config(), knobs: t.lab.targets.get('t1').embedded!.knobs() }).toEqual(before);
        }
      }),
      { numRuns: 150, seed: FUZZ_SEED },
    );
  });
});
