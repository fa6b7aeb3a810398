// Run by measure-recording.mjs under tsx (it reads and writes the format through shared/'s own code):
//   tsx expand-file.mjs <recorded file> <out file> <lessonId> <lessonSteps> [formatVersion]
// Reads a recording the dashboard saved (any version it reads), expands it to 15 minutes
// (expand.mjs) and writes it in the current format, or as format 1 with `1` (to time old files).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseRecording, serializeRecording } from '../../../shared/src/recording.ts';
import { expandRecording } from './expand.mjs';

const [input, output, lessonId, lessonSteps, version = '2'] = process.argv.slice(2);
const parsed = parseRecording(readFileSync(input, 'utf8'));
if (!parsed.ok) throw new Error(parsed.problem.message);
// JSON round trip: expand.mjs clones and spreads samples, which a read-back sample's getters would not survive.
const base = JSON.parse(JSON.stringify(parsed.recording));
const expanded = expandRecording(base, { minutes: 15, lessonId, lessonSteps: Number(lessonSteps) });
writeFileSync(output, version === '1' ? JSON.stringify({ ...expanded, version: 1 }) : serializeRecording(expanded));
