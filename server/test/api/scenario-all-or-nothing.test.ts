import { describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { startTestLab } from '../test-support/test-lab';

/** Takes `port` on 127.0.0.1 as soon as its owner lets go of it (tried once a loop turn, until `stop` says so). */
async function grabPortWhenFree(port: number, stop: () => boolean): Promise<Server | null> {
  while (!stop()) {
    const server = createServer((socket) => socket.destroy()); // the pool may dial it: refuse nothing, hold nothing
    const taken = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen({ port, host: '127.0.0.1' }, () => resolve(true));
    });
    if (taken) return server;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return null;
}

describe('applying a scenario is all or nothing', () => {
  const track = closeAfterEach();

  it('a target that cannot listen again (its port taken) leaves config, knobs and markers as they were, answering 500 INTERNAL', async () => {
    const t = track(
      await startTestLab({ pool: { maxOpen: 7, maxIdle: 7 }, load: { running: false, concurrency: 3 }, targetKnobs: { latencyMs: 4 } }),
    );
    const target = t.lab.targets.get('t1');
    const configBefore = t.lab.config();
    const knobsBefore = target.embedded!.knobs();
    const markersBefore = t.lab.markers.recent().length;
    const scenarioBefore = t.lab.snapshot().scenarioId;

    let settled = false;
    const applying = t.app
      .inject({ method: 'POST', url: '/api/scenarios/target-restart/apply', headers: { 'x-poolscope': '1' } })
      .finally(() => {
        settled = true;
      });
    // The restart closes the listener, then tries to listen again on the same port: take it in between.
    const squatter = await grabPortWhenFree(target.port, () => settled);
    expect(squatter, 'the test took the port before the target listened again').not.toBeNull();
    track(() => new Promise((resolve) => squatter!.close(resolve)));
    const response = await applying;

    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL' });
    expect(response.json().message).toMatch(/target-restart not applied.*EADDRINUSE/);
    expect(t.lab.config()).toEqual(configBefore);
    expect(target.embedded!.knobs()).toEqual(knobsBefore);
    expect(t.lab.markers.recent()).toHaveLength(markersBefore);
    expect(t.lab.targets.list().map((x) => x.id)).toEqual(['t1']);
    await new Promise((resolve) => setTimeout(resolve, 150)); // two ticks, so the snapshot would show a scenario
    expect(t.lab.snapshot().scenarioId).toBe(scenarioBefore);
  });
});
