import { afterEach, describe, expect, it, vi } from 'vitest';
import { readTextOffMainThread } from './read-text-off-main';
import { readText } from './read-text';

/** A stand-in for a Worker: answers the posted source as the real worker would, or fails to load. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  posted: unknown[] = [];
  constructor(private readonly behaviour: 'answer' | 'fail-to-load') {}
  postMessage(source: never) {
    this.posted.push(source);
    queueMicrotask(() => {
      if (this.behaviour === 'fail-to-load') this.onerror?.({ preventDefault: () => undefined } as ErrorEvent);
      else void readText(source).then((read) => this.onmessage?.({ data: { ...read, viaWorker: true } } as MessageEvent));
    });
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => vi.unstubAllGlobals());

const URL_OF = { url: 'http://127.0.0.1/r.json' };
const serving = (body: string) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body)),
  );

describe('reading a recording off the main thread', () => {
  it('reads in a worker, which is ended once it answers', async () => {
    serving('{"a":1}');
    const worker = new FakeWorker('answer');
    const read = await readTextOffMainThread(URL_OF, () => worker as unknown as Worker);
    expect(read).toEqual({ ok: true, text: '{"a":1}', viaWorker: true });
    expect(worker.posted).toHaveLength(1);
    expect(worker.terminated).toBe(true);
  });

  it('reads on the page when no worker starts, or the worker fails to load', async () => {
    serving('x');
    expect(await readTextOffMainThread(URL_OF, () => null)).toEqual({ ok: true, text: 'x' });
    const broken = new FakeWorker('fail-to-load');
    expect(await readTextOffMainThread(URL_OF, () => broken as unknown as Worker)).toEqual({ ok: true, text: 'x' });
    expect(broken.terminated).toBe(true);
  });

  it('answers an HTTP error or a dropped connection, never throws', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('gone', { status: 404 })),
    );
    expect(await readText({ url: 'http://127.0.0.1/r.json' })).toEqual({ ok: false, reason: 'http', status: 404 });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    expect(await readText({ url: 'http://127.0.0.1/r.json' })).toEqual({ ok: false, reason: 'failed', message: 'Failed to fetch' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"format":"x"}')),
    );
    expect(await readText({ url: 'http://127.0.0.1/r.json' })).toEqual({ ok: true, text: '{"format":"x"}' });
  });
});
