import { isIP } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { patchTargetKnobs } from '@poolscope/shared/config-rules';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { FUZZ_SEED, targetKnobsPatch, viaJson } from '../test-support/arbitraries';

/** Only IP literals and `localhost` may reach the resolver: the fuzz must never send a DNS query off the machine. */
function keepLookupsLocal(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const host = (body as { host?: unknown }).host;
  if (typeof host === 'string' && isIP(host) === 0) return { ...body, host: 'localhost' };
  return body;
}

const idText = fc.oneof(
  fc.constantFrom('t1', 't2', 't999', '', '..', '%', 'x'.repeat(65), '__proto__', 'constructor'),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

function pathFor(id: string, suffix = ''): string | null {
  try {
    return `/api/targets/${encodeURIComponent(id)}${suffix}`;
  } catch {
    return null; // a lone surrogate cannot be put in a URL
  }
}

const error4xx = (status: number, body: string) => {
  expect(status, body).toBeGreaterThanOrEqual(400);
  expect(status, body).toBeLessThan(500);
  const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
  expect(typeof parsed.code).toBe('string');
  expect(typeof parsed.message).toBe('string');
};

describe('targets API fuzzing: arbitrary bodies and ids', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab({ embeddedTargets: 1, load: { running: false } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST /api/targets answers 201 for a well-formed allowed target and a clear 4xx otherwise, never a 500', async () => {
    const external = fc.record(
      {
        host: fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('localhost', '127.0.0.1', '', 'a'.repeat(254)), fc.string({ maxLength: 12 })),
        port: fc.oneof(fc.integer({ min: -1, max: 70_000 }), fc.double(), fc.string({ maxLength: 5 })),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      external,
      fc.record({ embedded: fc.oneof(fc.constant(true), fc.jsonValue()) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const sent = keepLookupsLocal(viaJson(raw));
        const before = t.lab.targets.list().length;
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/targets',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(sent) ?? 'null',
        });
        if (response.statusCode === 201) {
          expect(t.lab.targets.list().length).toBe(before + 1);
          const { id } = response.json() as { id: string };
          // Removed at once: the pool should not keep dialling whatever answers on a random loopback port.
          expect((await t.app.inject({ method: 'DELETE', url: `/api/targets/${id}` })).statusCode).toBe(204);
        } else {
          error4xx(response.statusCode, response.body);
          expect(t.lab.targets.list().length).toBe(before);
        }
      }),
      { numRuns: 200, seed: FUZZ_SEED },
    );
  });

  it('PATCH /api/targets/:id applies the knobs whole or answers 4xx and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(idText, fc.oneof({ weight: 3, arbitrary: targetKnobsPatch }, fc.jsonValue({ maxDepth: 2 })), async (id, raw) => {
        const url = pathFor(id);
        if (url === null) return;
        const allKnobs = () => t.lab.targets.list().map((x) => x.embedded?.knobs() ?? null);
        const before = allKnobs();
        const target = t.lab.targets.list().find((x) => x.id === id)?.embedded ?? null;
        const sent = viaJson(raw);
        const expected = target ? patchTargetKnobs(target.knobs(), sent) : null;
        const response = await t.app.inject({
          method: 'PATCH',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(sent) ?? 'null',
        });
        if (expected?.ok) {
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json().knobs).toEqual(expected.value);
          expect(target!.knobs()).toEqual(expected.value);
        } else {
          error4xx(response.statusCode, response.body);
          expect(allKnobs()).toEqual(before);
        }
      }),
      { numRuns: 250, seed: FUZZ_SEED },
    );
  });

  it('restart and delete with arbitrary ids: 200/204 for a real target, 4xx otherwise, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(idText, fc.constantFrom('restart', 'delete'), async (id, action) => {
        if (action === 'delete' && id === 't1') return; // the one embedded target stays for the other properties
        const url = pathFor(id, action === 'restart' ? '/restart' : '');
        if (url === null) return;
        const exists = t.lab.targets.list().some((target) => target.id === id);
        const response = await t.app.inject({ method: action === 'restart' ? 'POST' : 'DELETE', url, headers: { 'x-poolscope': '1' } });
        if (exists && response.statusCode < 400) {
          expect(response.statusCode).toBe(action === 'restart' ? 200 : 204);
        } else {
          error4xx(response.statusCode, response.body);
        }
        if (!exists) expect(response.statusCode).not.toBe(200);
      }),
      { numRuns: 150, seed: FUZZ_SEED },
    );
  });
});
