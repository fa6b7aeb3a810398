// A realistic 15-minute recording from a few seconds of a real one: the recorded samples, frames
// and events repeated with advancing seq and t, their numbers wandering (slow waves and noise),
// totals that keep counting, a marker every 90 s and a lesson running through the middle third.

const STEP_MS = 100;
// The lab rounds rates to 2 decimals and latencies to 3 (as in a real snapshot); so does this.
const r2 = (v) => Math.round(v * 100) / 100;
const r3 = (v) => Math.round(v * 1000) / 1000;

/** Multiply every number of a flat record (rates by outcome, say) by `factor`. */
function scaleRecord(record, factor) {
  const out = {};
  for (const [k, v] of Object.entries(record)) out[k] = typeof v === 'number' ? r2(v * factor) : v;
  return out;
}

function scalePercentiles(p, factor) {
  return {
    ...p,
    p50: r3(p.p50 * factor),
    p90: r3(p.p90 * factor),
    p99: r3(p.p99 * factor),
    max: r3(p.max * factor),
    mean: r3(p.mean * factor),
  };
}

/** One arm's chart numbers (`sample` or `sample.b`), wandering by `load` (about 0.6–1.4). */
function wander(arm, load, i, extraAcquires) {
  const active = Math.min(arm.pool.maxOpen, Math.max(0, Math.round(arm.pool.active * load + (i % 7 === 0 ? 1 : 0))));
  return {
    ...arm,
    pool: {
      ...arm.pool,
      active,
      idle: Math.max(0, arm.pool.open - active),
      waiting: Math.max(0, Math.round(arm.pool.waiting * load * load)),
    },
    totals: {
      ...arm.totals,
      acquires: arm.totals.acquires + extraAcquires,
      requestsStarted: arm.totals.requestsStarted + extraAcquires,
      requests: { ...arm.totals.requests, ok: (arm.totals.requests.ok ?? 0) + extraAcquires },
    },
    rates: {
      ...arm.rates,
      acquires: r2(arm.rates.acquires * load),
      requestsStarted: r2(arm.rates.requestsStarted * load),
      requests: scaleRecord(arm.rates.requests, load),
    },
    latency: {
      ...arm.latency,
      acquireWaitMs: scalePercentiles(arm.latency.acquireWaitMs, load * load),
      rttMs: scalePercentiles(arm.latency.rttMs, load),
      holdMs: scalePercentiles(arm.latency.holdMs, load),
    },
    waitHistogram: arm.waitHistogram.map((b) => ({ ...b, count: Math.round(b.count * load) })),
  };
}

/**
 * @param base a parsed recording of a few seconds (samples at 10 Hz, frames, events)
 * @param lessonId a lesson whose steps the middle third runs through
 * @returns a recording of `minutes` at 10 Hz
 */
export function expandRecording(base, { minutes = 15, lessonId = 'pool-runs-dry', lessonSteps = 5 } = {}) {
  const count = Math.round((minutes * 60_000) / STEP_MS);
  const t0 = base.samples[0].t;
  const seq0 = base.samples[0].seq;
  const periodMs = base.samples.length * STEP_MS;
  const samples = [];
  const frames = [];
  let acquiresSoFar = 0;
  for (let i = 0; i < count; i += 1) {
    const source = base.samples[i % base.samples.length];
    const load = 1 + 0.3 * Math.sin((i / 3000) * 2 * Math.PI) + 0.1 * Math.sin((i / 170) * 2 * Math.PI) + 0.05 * (Math.random() - 0.5);
    acquiresSoFar += Math.round(source.rates.acquires * load * (STEP_MS / 1000));
    const t = t0 + i * STEP_MS;
    const sample = { ...wander(structuredClone(source), load, i, acquiresSoFar), seq: seq0 + i, t };
    if (source.b) sample.b = wander(structuredClone(source.b), 2 - load, i, acquiresSoFar);
    samples.push(sample);
    if (i % 10 === 0) {
      const frame = structuredClone(base.frames[(i / 10) % base.frames.length]);
      const third = Math.floor(count / 3);
      const lesson = i >= third && i < 2 * third ? { id: lessonId, step: 1 + Math.floor(((i - third) / third) * lessonSteps) } : null;
      frames.push({
        ...frame,
        seq: sample.seq,
        t,
        pool: sample.pool,
        totals: sample.totals,
        rates: sample.rates,
        latency: sample.latency,
        lesson,
      });
    }
  }
  const events = [];
  const cycles = Math.ceil((count * STEP_MS) / periodMs);
  for (let c = 0; c < cycles; c += 1) {
    for (const e of base.events) {
      const t = t0 + Math.max(0, e.t - t0) + c * periodMs;
      if (t <= samples.at(-1).t) events.push({ ...e, t });
    }
  }
  events.sort((a, b) => a.t - b.t);
  const labels = base.markers.length > 0 ? base.markers.map((m) => [m.kind, m.label]) : [['config', 'maxOpen 8']];
  const markers = [];
  for (let m = 1; m * 90_000 < count * STEP_MS; m += 1) {
    const [kind, label] = m % 4 === 0 ? ['fault', 't1: down'] : labels[m % labels.length];
    markers.push({ id: m, t: t0 + m * 90_000, kind, label });
  }
  return { ...base, samples, frames, events, markers };
}
