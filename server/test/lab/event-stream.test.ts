import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab/lab';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import type { LabEvent } from '@poolscope/shared/events';
import type { Snapshot } from '@poolscope/shared/snapshot';

describe('the event stream', () => {
  const track = closeAfterEach();

  it('sends at most 500 events a tick and counts the rest in the snapshot as eventsDropped', async () => {
    const lab = track(await Lab.start({ embeddedTargets: 1, sampleHz: 5, load: { running: false } }));
    const ticks: { snapshot: Snapshot; events: LabEvent[] }[] = [];
    lab.onTick((snapshot, events) => ticks.push({ snapshot, events }));
    await waitFor(() => ticks.length > 0, { what: 'a first tick' });
    expect(lab.snapshot().eventsDropped).toBe(0);

    // 600 knob changes between two ticks: one 'reconfigured' event each.
    for (let i = 0; i < 600; i++) lab.patchTarget('t1', { latencyMs: i % 2 === 0 ? 3 : 0 });
    const from = ticks.length;
    await waitFor(() => ticks.length > from, { what: 'the next tick' });
    const sent = ticks
      .slice(from)
      .flatMap((t) => t.events)
      .filter((e) => e.type === 'reconfigured');
    expect(sent).toHaveLength(500);
    expect(ticks.at(-1)!.snapshot.eventsDropped).toBe(100);
  });
});
