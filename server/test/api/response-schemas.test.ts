import { Value } from '@sinclair/typebox/value';
import { SnapshotSchema, TargetSnapshotSchema } from '@poolscope/shared/snapshot-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { waitFor } from '../../src/test-support/wait-for';

/** The response schemas document the answers; they must neither drop a field nor miss one. */
describe('response schemas', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/snapshot answers the very snapshot the stream sends, every field kept, and it fits the schema', async () => {
    await waitFor(() => t.lab.snapshot().totals.requests.ok > 0 && t.lab.snapshot().connections.length > 0, {
      timeoutMs: 15_000,
      what: 'a busy snapshot',
    });
    // The lab ticks at 10 Hz: read until the answer and the lab's current snapshot are the same tick.
    let streamed = t.lab.snapshot();
    let served = (await t.app.inject({ method: 'GET', url: '/api/snapshot' })).json();
    for (let attempt = 0; attempt < 50 && served.seq !== streamed.seq; attempt += 1) {
      streamed = t.lab.snapshot();
      served = (await t.app.inject({ method: 'GET', url: '/api/snapshot' })).json();
    }
    expect(served).toEqual(JSON.parse(JSON.stringify(streamed)));
    expect([...Value.Errors(SnapshotSchema, served)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
  });

  it('GET /api/targets answers every target with all its fields, each fitting the schema', async () => {
    const served = (await t.app.inject({ method: 'GET', url: '/api/targets' })).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(t.lab.snapshot().targets)));
    for (const target of served) expect([...Value.Errors(TargetSnapshotSchema, target)].map((e) => `${e.path} ${e.message}`)).toEqual([]);
    expect(served[0].knobs).not.toBeNull();
  });

  it("shows the snapshot's shape on the OpenAPI page", async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const ok = doc.paths['/api/snapshot'].get.responses['200'];
    const schema = ok.content?.['application/json']?.schema ?? ok.schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['pool', 'totals', 'latency', 'targets', 'connections', 'config']),
    );
  });
});
