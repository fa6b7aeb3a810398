// Run by measure-recording.mjs under tsx: a recording on stdin, out what the measuring needs of it
// (sample times, which samples carry arm B, frame and event counts, markers) as JSON.
import { readFileSync } from 'node:fs';
import { parseRecording } from '../../../shared/src/recording.ts';

const parsed = parseRecording(readFileSync(0, 'utf8'));
if (!parsed.ok) throw new Error(parsed.problem.message);
const { samples, frames, events, markers } = parsed.recording;
process.stdout.write(
  JSON.stringify({
    samples: samples.map((s) => ({ t: s.t, b: s.b ? 1 : undefined })),
    frames: frames.map((f) => ({ t: f.t })),
    events: events.map((e) => ({ t: e.t })),
    markers,
  }),
);
