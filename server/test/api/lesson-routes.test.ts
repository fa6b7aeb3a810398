import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonStateAt } from '@poolscope/shared/lesson-checks';
import { findLesson } from '@poolscope/shared/lessons';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { ControlPolicy } from '../../src/api/control-policy';
import { gatewayHarness } from '../test-support/gateway-harness';
import { startTestLab, type TestLab } from '../test-support/test-lab';

const nextSnapshot = (t: TestLab) =>
  new Promise<Snapshot>((resolve) => {
    const stop = t.lab.onTick((snapshot) => {
      stop();
      resolve(snapshot);
    });
  });

describe('lesson routes', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab({ embeddedTargets: 2 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/lessons lists every lesson with its steps, in both languages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/lessons' });
    expect(response.statusCode).toBe(200);
    const lessons = response.json() as { id: string; steps: { title: { en: string; 'zh-CN': string } }[] }[];
    expect(lessons.map((l) => l.id)).toEqual(['why-pools', 'pool-runs-dry', 'dead-connections', 'leaks-lifetimes']);
    expect(lessons[0]!.steps[0]!.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
  });

  it('going to step n applies exactly the cumulative state of steps 1..n, from any step, and the snapshot says where the lab is', async () => {
    const lesson = findLesson('pool-runs-dry')!;
    for (const step of [5, 2, 4, 1]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/lessons/pool-runs-dry/steps/${step}`,
        headers: { 'x-poolscope': '1' },
      });
      expect(response.statusCode).toBe(200);
      const expected = lessonStateAt(lesson, step);
      if (!expected.ok) throw new Error('shipped lesson state must be valid');
      const config = (await t.app.inject({ method: 'GET', url: '/api/config' })).json();
      expect(config).toEqual({ pool: expected.value.pool, load: expected.value.load });
      for (const target of t.lab.targets.list()) expect(target.embedded?.knobs()).toEqual(expected.value.targets);
      expect((await nextSnapshot(t)).lesson).toEqual({ id: 'pool-runs-dry', step });
    }
  });

  it('a step that compares runs exactly its comparison, from any step; a step that does not stops it; leaving the lesson stops it', async () => {
    const lesson = findLesson('pool-runs-dry')!;
    const compareStep = lesson.steps.findIndex((s) => s.compare !== undefined) + 1;
    expect(compareStep).toBeGreaterThan(0);
    const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).json();
    for (const step of [compareStep, 1, compareStep, compareStep - 1, compareStep]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/lessons/pool-runs-dry/steps/${step}`,
        headers: { 'x-poolscope': '1' },
      });
      expect(response.statusCode, await response.body).toBe(200);
      const expected = lessonStateAt(lesson, step);
      if (!expected.ok) throw new Error('shipped lesson state must be valid');
      expect(await get('/api/config')).toEqual({ pool: expected.value.pool, load: expected.value.load });
      const compare = await get('/api/compare');
      if (expected.value.compare) {
        expect(compare).toMatchObject({
          running: true,
          seed: 1,
          a: { pool: expected.value.pool, load: expected.value.load },
          b: expected.value.compare.b,
        });
        expect(compare.diff.map((d: { knob: string }) => d.knob).sort()).toEqual(
          Object.keys(expected.value.compare.patch.pool ?? {}).sort(),
        );
      } else {
        expect(compare).toMatchObject({ running: false, b: null });
      }
    }
    expect((await t.app.inject({ method: 'DELETE', url: '/api/lesson' })).json()).toEqual({ lesson: null });
    expect(await get('/api/compare')).toMatchObject({ running: false, b: null });
  });

  it('the lesson-step marker says which step as data (code and params) beside its English label', async () => {
    await t.app.inject({ method: 'POST', url: '/api/lessons/why-pools/steps/2', headers: { 'x-poolscope': '1' } });
    const markers = t.lab.markers.recent().reverse();
    expect(markers.find((m) => m.code === 'lesson-step' && m.params?.lessonId === 'why-pools')).toMatchObject({
      kind: 'scenario',
      label: 'Why pools exist: step 2/5',
      params: { lessonId: 'why-pools', step: 2, count: 5 },
    });
    expect(markers.find((m) => m.code === 'compare-started')).toMatchObject({ changes: [{ knob: 'maxIdle', from: 10, to: 0 }] });
    const change = markers.find((m) => m.code === 'config-changed');
    expect(['pool', 'load']).toContain(change?.params?.scope);
    expect(change?.changes?.[0]).toEqual({ knob: expect.any(String), from: expect.anything(), to: expect.anything() });
    await t.app.inject({ method: 'DELETE', url: '/api/lesson' });
  });

  it('an unknown lesson or a step out of range is a 404 and changes nothing', async () => {
    await t.app.inject({ method: 'POST', url: '/api/lessons/why-pools/steps/2', headers: { 'x-poolscope': '1' } });
    const before = (await t.app.inject({ method: 'GET', url: '/api/config' })).body;
    for (const url of ['/api/lessons/nope/steps/1', '/api/lessons/why-pools/steps/0', '/api/lessons/why-pools/steps/99']) {
      const response = await t.app.inject({ method: 'POST', url, headers: { 'x-poolscope': '1' } });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/lessons/why-pools/steps/abc', headers: { 'x-poolscope': '1' } })).statusCode,
    ).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).body).toBe(before);
    expect(t.lab.lesson()).toEqual({ id: 'why-pools', step: 2 });
  });

  it("DELETE /api/lesson leaves the lesson and keeps the last step's config", async () => {
    await t.app.inject({ method: 'POST', url: '/api/lessons/why-pools/steps/3', headers: { 'x-poolscope': '1' } });
    const config = (await t.app.inject({ method: 'GET', url: '/api/config' })).body;
    expect((await t.app.inject({ method: 'DELETE', url: '/api/lesson' })).json()).toEqual({ lesson: null });
    expect((await nextSnapshot(t)).lesson).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).body).toBe(config);
  });

  it('a step that restarts the targets restarts them on arrival', async () => {
    const restarted: string[] = [];
    const stop = t.lab.onTick((_snapshot, events) => {
      for (const event of events) if (event.type === 'target-restarted') restarted.push(event.targetId);
    });
    await t.app.inject({ method: 'POST', url: '/api/lessons/dead-connections/steps/1', headers: { 'x-poolscope': '1' } });
    await nextSnapshot(t);
    expect(restarted.sort()).toEqual(
      t.lab.targets
        .list()
        .map((target) => target.id)
        .sort(),
    );
    restarted.length = 0;
    await t.app.inject({ method: 'POST', url: '/api/lessons/dead-connections/steps/2', headers: { 'x-poolscope': '1' } });
    await nextSnapshot(t);
    stop();
    expect(restarted).toEqual([]);
  });
});

describe('lesson socket controls', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lesson:go acks with the position and config; lesson:leave clears it; a bad step is refused with nothing changed', async () => {
    const harness = gatewayHarness(t.lab, new ControlPolicy(null));
    const emit = harness.connect();
    const ok = await emit('lesson:go', { id: 'leaks-lifetimes', step: 2 });
    expect(ok.ok && (ok.data as { lesson: unknown }).lesson).toEqual({ id: 'leaks-lifetimes', step: 2 });
    expect(t.lab.pool.config.leakDetectionThresholdMs).toBe(2000);
    const bad = await emit('lesson:go', { id: 'leaks-lifetimes', step: 1.5 });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_REQUEST');
    expect(t.lab.lesson()).toEqual({ id: 'leaks-lifetimes', step: 2 });
    const left = await emit('lesson:leave', {});
    expect(left).toEqual({ ok: true, data: { lesson: null } });
    harness.detach();
  });

  it('a viewer without the token cannot move the class', async () => {
    const locked = await startTestLab({ token: 'sekrit' });
    try {
      const harness = gatewayHarness(locked.lab, new ControlPolicy('sekrit'));
      const refused = await harness.connect()('lesson:go', { id: 'why-pools', step: 1 });
      expect(refused.ok ? null : refused.error.code).toBe('UNAUTHORIZED');
      expect(
        (await locked.app.inject({ method: 'POST', url: '/api/lessons/why-pools/steps/1', headers: { 'x-poolscope': '1' } })).statusCode,
      ).toBe(401);
      expect(locked.lab.lesson()).toBeNull();
      harness.detach();
    } finally {
      await locked.close();
    }
  });
});
