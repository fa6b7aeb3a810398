import type { Page, WebSocketRoute } from '@playwright/test';
import type { History, HistorySample } from '@poolscope/shared/history';

/** The dashboard's longest window at the stream's rate: 15 minutes at 10 Hz fills its sample ring. */
const SEED_PERIOD_MS = 100;
const SEED_COUNT = 9000;

/** A value that wanders around `base` with period `period` (in samples), never below zero. */
const wave = (i: number, period: number, base: number, amp: number) =>
  Math.max(0, base + amp * Math.sin((i / period) * 2 * Math.PI) + amp * 0.3 * (Math.random() - 0.5));

/** One seeded sample, cloned from the newest real one with its numbers wandering (A and, while comparing, B). */
function seededSample(template: HistorySample, i: number, t: number, seq: number): HistorySample {
  const copy = structuredClone(template);
  const shape = (arm: Pick<HistorySample, 'pool' | 'rates' | 'latency'>, scale: number) => {
    arm.pool.active = Math.round(wave(i, 900, 6 * scale, 3 * scale));
    arm.pool.idle = Math.round(wave(i, 1500, 4, 2));
    arm.pool.waiting = Math.round(wave(i, 2500, 1 / scale, 2));
    arm.rates.requests.ok = wave(i, 1200, 900 * scale, 200);
    arm.rates.requests['request-timeout'] = wave(i, 700, 3, 3);
    arm.rates.acquires = wave(i, 1000, 800 * scale, 150);
    const wait = wave(i, 800, 2 / scale, 2);
    arm.latency.acquireWaitMs = { ...arm.latency.acquireWaitMs, p50: wait, p90: wait * 1.8, p99: wait * 3.1, max: wait * 4 };
    const rtt = wave(i, 600, 1, 0.5);
    arm.latency.rttMs = { ...arm.latency.rttMs, p50: rtt, p90: rtt * 1.8, p99: rtt * 3.1, max: rtt * 4 };
  };
  shape(copy, 1);
  if (copy.b) shape(copy.b, 0.6);
  return { ...copy, seq, t };
}

/** The server's history stretched to a full window: 9,000 samples 100 ms apart, ending at its newest one. */
function fullWindow(history: History): History {
  const template = history.samples.at(-1);
  if (!template) return history;
  const samples: HistorySample[] = [];
  for (let i = 0; i < SEED_COUNT; i += 1) {
    const back = SEED_COUNT - 1 - i;
    samples.push(seededSample(template, i, template.t - back * SEED_PERIOD_MS, template.seq - back));
  }
  // The page's own live samples win where they lie (its merge drops a history sample within one interval of a live one).
  return { ...history, intervalMs: SEED_PERIOD_MS, samples };
}

export interface SeededWindow {
  /** How many samples the seeded answer carried (0 until it went out). */
  samples: () => number;
  /** Stop routing and drop the routed socket: the page reconnects straight to the lab, as it always does. */
  release: () => Promise<void>;
}

/**
 * Test-only: answer the page's `history:get` with a full 15-minute window at 10 Hz (both arms while
 * comparing), so a probe of a full window needs no 15 minutes of streaming first. The product is
 * untouched: the page's socket goes through a route that passes every frame on unchanged except
 * that one answer (a Socket.IO ack, `43<id>[…]`, to the page's `42<id>["history:get",…]`).
 * A routed socket costs every frame a trip through the test runner, so `release` it once seeded:
 * the page reconnects unrouted and keeps the seeded samples (its merge adds history only into gaps).
 */
export async function seedFullWindowOnConnect(page: Page): Promise<SeededWindow> {
  let seeded = 0;
  const routed: WebSocketRoute[] = [];
  let released = false;
  // A predicate, not a pattern: Playwright has no way to unroute a WebSocket, so a released route matches nothing.
  await page.routeWebSocket(
    (url) => !released && url.pathname.startsWith('/socket.io/'),
    (ws) => {
      routed.push(ws);
      const server = ws.connectToServer();
      const historyAcks = new Set<string>();
      ws.onMessage((message) => {
        const asked = typeof message === 'string' ? /^42(\d+)\["history:get"/.exec(message) : null;
        if (asked?.[1]) historyAcks.add(asked[1]);
        server.send(message);
      });
      server.onMessage((message) => {
        const answered = typeof message === 'string' ? /^43(\d+)\[/.exec(message) : null;
        const id = answered?.[1];
        if (typeof message !== 'string' || id === undefined || !historyAcks.delete(id)) {
          ws.send(message);
          return;
        }
        const [ack] = JSON.parse(message.slice(2 + id.length)) as [{ ok: boolean; data?: History }];
        if (!ack.ok || !ack.data) {
          ws.send(message);
          return;
        }
        const data = fullWindow(ack.data);
        seeded = data.samples.length;
        ws.send(`43${id}${JSON.stringify([{ ...ack, data }])}`);
      });
    },
  );
  return {
    samples: () => seeded,
    release: async () => {
      released = true;
      for (const ws of routed) await ws.close({ code: 4000, reason: 'seeded' });
    },
  };
}
