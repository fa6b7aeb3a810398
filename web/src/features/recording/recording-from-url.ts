import { parseRecording, type ParsedRecording } from '@poolscope/shared/recording';
import { RECORDING_PARAM } from './recording-link';
import type { TextRead } from './read-text';

/**
 * `?recording=<url>` opens a recording served by the same origin (a file beside the dashboard, or
 * one the lab serves). Another origin is refused: a link must not make the page fetch from elsewhere.
 */
export async function recordingFromUrl(
  search: string,
  origin: string,
  readUrl: (url: string) => Promise<TextRead>,
): Promise<ParsedRecording | null> {
  const raw = new URLSearchParams(search).get(RECORDING_PARAM);
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return { ok: false, problem: { kind: 'foreign', message: `"${raw}" is not a URL` } };
  }
  if (url.origin !== origin)
    return {
      ok: false,
      problem: { kind: 'foreign', message: `recordings open only from this dashboard's own origin (${origin}), not ${url.origin}` },
    };
  const read = await readUrl(url.toString());
  if (read.ok) return parseRecording(read.text);
  return {
    ok: false,
    problem: {
      kind: 'not-json',
      message:
        read.reason === 'http' ? `${url.pathname} answered HTTP ${read.status}` : `${url.pathname} could not be fetched: ${read.message}`,
    },
  };
}
