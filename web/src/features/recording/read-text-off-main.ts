import { readText, type TextRead, type TextSource } from './read-text';

/**
 * A recording link's text, read off the main thread where the browser can (read-text.worker.ts).
 *
 * Why by hand: a 15-minute recording is ~6 MB of JSON, and Chromium reads a large body on the page's
 * main thread (the data pipe's chunks gathered, then decoded: ~300–450 ms on the lab's test machine,
 * docs/BENCHMARKS.md "Recording links and seeks, session 10"). In a worker that time runs beside the page's own
 * work (the panels mounting), and the page receives one string, copied in a few milliseconds. A picked
 * file is read on the page (recording-controls.tsx): nothing else runs then, and the worker's start
 * and the copy made that path slower when measured.
 */

/** A worker for one read, or null where none can be started (jsdom, a browser without module workers). */
export type StartWorker = () => Worker | null;

const startReadWorker: StartWorker = () => {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./read-text.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
};

/**
 * Reads `source` in a worker of its own (ended once it answers), or on the page when none starts or
 * the worker fails to load (a blocked script, say): the read is slower there, never refused.
 */
export function readTextOffMainThread(source: TextSource, startWorker: StartWorker = startReadWorker): Promise<TextRead> {
  const worker = startWorker();
  if (!worker) return readText(source);
  return new Promise((resolve) => {
    const finish = (read: Promise<TextRead> | TextRead) => {
      worker.terminate();
      resolve(read);
    };
    worker.onmessage = (event: MessageEvent<TextRead>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      finish(readText(source));
    };
    worker.postMessage(source);
  });
}
