// Run in the page (page.evaluate): these functions must not close over anything.

/**
 * Fill the store's history with 15 minutes of 10 Hz samples shaped like the live ones
 * (cloned from the newest real sample, values wandering), plus a marker every 2 minutes,
 * so every chart draws a full window at once. It goes in as the server's history would
 * (`ingestHistory`): the store's state is read-only from outside.
 */
export function seedFullWindow() {
  const store = window.__poolscopeStore;
  if (!store) throw new Error('not a profiling build: window.__poolscopeStore is missing');
  const real = store.samples.toArray();
  const template = real.at(-1);
  const first = real[0];
  const periodMs = 100;
  const count = store.samples.capacity - real.length;
  const wave = (i, period, base, amp) => Math.max(0, base + amp * Math.sin((i / period) * 2 * Math.PI) + amp * 0.3 * (Math.random() - 0.5));
  const pct = (p, scale) => ({ ...p, p50: scale, p90: scale * 1.8, p99: scale * 3.1, max: scale * 4 });
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const t = first.t - (count - i) * periodMs;
    const active = Math.round(wave(i, 900, 6, 3));
    const requests = { ...template.rates.requests, ok: wave(i, 1200, 900, 200), error: wave(i, 700, 3, 3) };
    // A deep copy per sample, so the seeded buffer weighs what a recorded one does.
    const copy = structuredClone({ ...template, waitBounds: undefined, waitCounts: undefined });
    samples.push({
      ...copy,
      waitHistogram: template.waitBounds.map((upToMs, b) => ({ upToMs, count: template.waitCounts[b] })),
      seq: first.seq - (count - i),
      t,
      pool: {
        ...copy.pool,
        active,
        idle: Math.round(wave(i, 1500, 4, 2)),
        validating: Math.round(wave(i, 300, 0.5, 0.6)),
        connecting: Math.round(wave(i, 2000, 0.4, 0.5)),
        waiting: Math.round(wave(i, 2500, 1, 2)),
      },
      rates: {
        ...copy.rates,
        requests,
        acquires: wave(i, 1000, 800, 150),
        healthChecksFailed: wave(i, 3000, 0.3, 0.4),
        dialFailures: wave(i, 4000, 0.2, 0.3),
      },
      latency: {
        ...copy.latency,
        acquireWaitMs: pct(template.latency.acquireWaitMs, wave(i, 800, 2, 2)),
        rttMs: pct(template.latency.rttMs, wave(i, 600, 1, 0.5)),
        holdMs: { ...template.latency.holdMs, mean: wave(i, 900, 8, 2) },
      },
    });
  }
  // While comparing, arm B gets the same 15 minutes (a smaller pool: fewer open, longer waits), as the
  // server's history carries it: `b` beside each sample.
  const compare = window.__poolscopeCompareStore;
  const comparing = compare !== undefined && compare.samples.length > 0;
  if (comparing) {
    for (const a of samples) {
      a.b = {
        ...a,
        pool: { ...a.pool, active: Math.min(4, a.pool.active), idle: Math.max(0, 4 - a.pool.active), waiting: a.pool.waiting + 3 },
        rates: { ...a.rates, requests: { ...a.rates.requests, ok: a.rates.requests.ok * 0.9 }, acquires: a.rates.acquires * 0.9 },
        latency: {
          ...a.latency,
          acquireWaitMs: pct(a.latency.acquireWaitMs, a.latency.acquireWaitMs.p50 * 2),
          rttMs: pct(a.latency.rttMs, a.latency.rttMs.p50 * 0.8),
        },
      };
    }
  }
  const markers = [];
  for (let m = 1; m <= 7; m += 1)
    markers.push({ id: -100 + m, t: first.t - m * 120_000, kind: ['config', 'scenario', 'fault'][m % 3], label: `synthetic marker ${m}` });
  // The live samples win where they lie, so the seeded ones end one period before the first of them.
  const history = { intervalMs: periodMs, spanMs: count * periodMs, samples, markers };
  if (comparing) compare.ingestHistory(history);
  store.ingestHistory(history);
  return {
    samples: store.samples.length,
    samplesB: comparing ? compare.samples.length : 0,
    minutes: (store.samples.last().t - store.samples.at(0).t) / 60_000,
    markers: store.markers.length,
  };
}

/** User-timing marks for every snapshot and chart refresh, so the trace says which chart each tick drew. */
export function instrumentChartTurns() {
  const store = window.__poolscopeStore;
  const ingest = store.ingestSnapshot.bind(store);
  store.ingestSnapshot = (snapshot) => {
    performance.mark('tick');
    ingest(snapshot);
  };
  // The rotation's private step, wrapped in the page: the one place every chart refresh passes.
  const turns = store.charts;
  const bump = turns.bump.bind(turns);
  turns.bump = (id, now) => {
    performance.mark(`chart:${id}`);
    bump(id, now);
  };
}
