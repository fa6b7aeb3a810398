/** A recording link's text: what read-text.worker.ts runs (and the page, where no worker starts). */

/** What to read: a same-origin URL, already checked by the caller (recording-from-url.ts). */
export interface TextSource {
  url: string;
}

export type TextRead =
  { ok: true; text: string } | { ok: false; reason: 'http'; status: number } | { ok: false; reason: 'failed'; message: string };

/** Reads `source` where it runs (the worker, or the page when no worker can be had). Never throws. */
export async function readText(source: TextSource): Promise<TextRead> {
  try {
    const response = await fetch(source.url);
    if (!response.ok) return { ok: false, reason: 'http', status: response.status };
    return { ok: true, text: await response.text() };
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
