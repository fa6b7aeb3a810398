import { useCallback, useEffect, useRef, useState } from 'react';
import { toHistorySample } from '@poolscope/shared/history';
import { RecordingBuilder, type Recording } from '@poolscope/shared/recording';
import { streamTaps, type StreamTap } from '../../lib/stream-taps';

/** Record the stream as it arrives (from the moment Record is pressed) until stopped or full. */
export function useRecorder(): { recording: boolean; samples: number; full: boolean; start: () => void; stop: () => Recording | null } {
  const builder = useRef<RecordingBuilder | null>(null);
  const tap = useRef<StreamTap | null>(null);
  const [samples, setSamples] = useState(0);
  const [full, setFull] = useState(false);
  const [active, setActive] = useState(false);

  const detach = useCallback(() => {
    if (tap.current) streamTaps.delete(tap.current);
    tap.current = null;
  }, []);
  useEffect(() => detach, [detach]);

  const start = useCallback(() => {
    detach();
    const next = new RecordingBuilder(toHistorySample);
    builder.current = next;
    setSamples(0);
    setFull(false);
    setActive(true);
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
