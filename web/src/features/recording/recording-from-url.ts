import { parseRecording, type ParsedRecording } from '@poolscope/shared/recording';
import { RECORDING_PARAM } from './recording-link';

/**
 * `?recording=<url>` opens a recording served by the same origin (a file beside the dashboard, or
 * one the lab serves). Another origin is refused: a link must not make the page fetch from elsewhere.
 */
export async function recordingFromUrl(
  search: string,
  origin: string,
  fetchText: (url: string) => Promise<{ ok: boolean; status: number; text: string }>,
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
  try {
    const response = await fetchText(url.toString());
    if (!response.ok) return { ok: false, problem: { kind: 'not-json', message: `${url.pathname} answered HTTP ${response.status}` } };
    return parseRecording(response.text);
  } catch (error) {
    return { ok: false, problem: { kind: 'not-json', message: `${url.pathname} could not be fetched: ${(error as Error).message}` } };
  }
}
