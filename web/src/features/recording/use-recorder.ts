import { useCallback, useEffect, useRef, useState } from 'react';
import { toHistorySample } from '@poolscope/shared/history';
import type { Recording, RecordingBuilder } from '@poolscope/shared/recording';
import { streamTaps, type StreamTap } from '../../lib/stream-taps';

/** Record the stream as it arrives (from the moment Record is pressed) until stopped or full. */
export function useRecorder(): { recording: boolean; samples: number; full: boolean; start: () => void; stop: () => Recording | null } {
  const builder = useRef<RecordingBuilder | null>(null);
  const tap = useRef<StreamTap | null>(null);
  const [samples, setSamples] = useState(0);
  const [full, setFull] = useState(false);
  const [active, setActive] = useState(false);
  /** Counts starts, stops and unmounts, so a builder that arrives after the next one of them is dropped. */
  const generation = useRef(0);

  const detach = useCallback(() => {
    generation.current += 1;
    if (tap.current) streamTaps.delete(tap.current);
    tap.current = null;
  }, []);
  useEffect(() => detach, [detach]);

  const start = useCallback(() => {
    detach();
    const started = generation.current;
    builder.current = null;
    setSamples(0);
    setFull(false);
    setActive(true);
    // The recording format (with the schema checker that reads files back) is a chunk of its own,
    // fetched at the first Record rather than on every page load.
    void import('@poolscope/shared/recording').then(({ RecordingBuilder: Builder }) => {
      if (generation.current !== started) return; // stopped, restarted or unmounted meanwhile
      const next = new Builder(toHistorySample);
      builder.current = next;
      tap.current = {
        snapshot: (snapshot) => {
          next.addSnapshot(snapshot);
          // Ten renders a second would be wasted on a counter: once a second is enough for the clock.
          if (next.sampleCount % 10 === 0) setSamples(next.sampleCount);
          if (next.full) setFull(true);
        },
        events: (batch) => next.addEvents(batch),
      };
      streamTaps.add(tap.current);
    });
  }, [detach]);

  const stop = useCallback(() => {
    detach();
    const built = builder.current?.build() ?? null;
    builder.current = null;
    setSamples(0);
    setActive(false);
    return built;
  }, [detach]);

  return { recording: active, samples, full, start, stop };
}
