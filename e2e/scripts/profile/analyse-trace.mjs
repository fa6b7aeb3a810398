// Summarise a Chrome trace of the dashboard: main-thread work per 100 ms tick, grouped by the
// chart refreshed in that tick, and where the CPU samples of the slow ticks land.
// CPU time (`tdur`) is the figure to trust on a shared machine; wall time (`dur`) includes
// waiting for a core.

const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SLOW_TICK_CPU_MS = 30;

function mainThread(events) {
  const marks = new Map();
  for (const e of events) {
    if (e.cat?.includes('blink.user_timing') && e.name.startsWith('tick'))
      marks.set(`${e.pid}:${e.tid}`, (marks.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  }
  const [key] = [...marks.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!key) throw new Error('no tick marks in the trace: was instrumentChartTurns run?');
  const [pid, tid] = key.split(':').map(Number);
  return { pid, tid };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
const ms = (us) => us / 1000;
const fmt = (n) => n.toFixed(1);

/** One tick: the tasks from a snapshot's arrival to the next one's, labelled by the chart it refreshed. */
function ticksOf(events, { pid, tid }) {
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid);
  const tasks = onMain.filter((e) => e.ph === 'X' && TASK_NAMES.has(e.name)).sort((a, b) => a.ts - b.ts);
  const marks = onMain
    .filter((e) => e.cat?.includes('blink.user_timing') && (e.name.startsWith('tick') || e.name.startsWith('chart:')))
    .sort((a, b) => a.ts - b.ts);
  const taskAt = (ts) => tasks.find((t) => t.ts <= ts && ts <= t.ts + t.dur);
  const ticks = [];
  for (const mark of marks) {
    if (mark.name.startsWith('chart:')) {
      ticks.at(-1)?.charts.push(mark.name.slice(6));
      continue;
    }
    const task = taskAt(mark.ts);
    if (task) ticks.push({ start: task.ts, charts: [] });
  }
  for (let i = 0; i < ticks.length - 1; i += 1) {
    const tick = ticks[i];
    const end = ticks[i + 1].start;
    const inTick = tasks.filter((t) => t.ts >= tick.start && t.ts < end);
    tick.end = end;
    tick.cpuUs = inTick.reduce((sum, t) => sum + (t.tdur ?? t.dur), 0);
    tick.maxTaskUs = Math.max(0, ...inTick.map((t) => t.dur));
    tick.maxTaskCpuUs = Math.max(0, ...inTick.map((t) => t.tdur ?? t.dur));
  }
  return ticks.slice(0, -1);
}

/** Per-sample (timestamp, leaf node) pairs and the node table from the trace's CPU profile chunks. */
function cpuSamples(events, { pid, tid }) {
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid);
  const profile = profiles.find((p) => p.tid === tid) ?? profiles[0];
  if (!profile) return { samples: [], nodes: new Map() };
  const nodes = new Map();
  const samples = [];
  let ts = profile.args.data.startTime;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.id === profile.id && e.pid === pid)) {
    const data = chunk.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((id, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, id });
    });
  }
  return { samples, nodes };
}

function chunkOf(url) {
  const name = url.split('/').pop() ?? '';
  if (!url) return 'v8';
  for (const chunk of ['react', 'recharts', 'socket', 'index']) if (name.startsWith(`${chunk}-`)) return chunk === 'index' ? 'app' : chunk;
  return name || 'other';
}

function topEntries(map, n) {
  return [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** Self time by code owner (app / react / recharts / GC) and by function, over the given ticks. */
function attribute(ticks, { samples, nodes }) {
  const byOwner = new Map();
  const byFunction = new Map();
  const appInclusive = new Map();
  const sorted = [...ticks].sort((a, b) => a.start - b.start);
  let t = 0;
  for (let i = 0; i < samples.length; i += 1) {
    const s = samples[i];
    while (t < sorted.length && sorted[t].end <= s.ts) t += 1;
    const tick = sorted[t];
    if (!tick || s.ts < tick.start) continue;
    const node = nodes.get(s.id);
    const frame = node?.callFrame ?? {};
    if (['(idle)', '(program)', '(root)'].includes(frame.functionName)) continue;
    const weightUs = (samples[i + 1]?.ts ?? s.ts) - s.ts;
    const owner = frame.functionName === '(garbage collector)' ? 'GC' : chunkOf(frame.url ?? '');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + weightUs);
    const fn = `${frame.functionName || '(anonymous)'} [${owner}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + weightUs);
    const seen = new Set();
    for (let n = node; n; n = nodes.get(n.parent)) {
      const name = n.callFrame?.functionName;
      if (name && chunkOf(n.callFrame.url ?? '') === 'app' && !seen.has(name)) {
        seen.add(name);
        appInclusive.set(name, (appInclusive.get(name) ?? 0) + weightUs);
      }
    }
  }
  return { byOwner, byFunction, appInclusive };
}

function parentsOf(nodes) {
  for (const node of nodes.values())
    for (const child of node.children ?? []) {
      const c = nodes.get(child);
      if (c) c.parent = node.id;
    }
}

export function analyseTrace(events) {
  const thread = mainThread(events);
  const ticks = ticksOf(events, thread);
  const lines = [`${ticks.length} ticks traced on the renderer main thread`];
  const groups = new Map();
  for (const tick of ticks) {
    const label = tick.charts.length === 0 ? '(no chart)' : tick.charts.join('+');
    groups.set(label, [...(groups.get(label) ?? []), tick]);
  }
  lines.push(
    'per tick, by chart refreshed: n, CPU ms median / p95 / max; its longest task, CPU ms median / p95 / max; longest task wall ms',
  );
  for (const [label, group] of [...groups.entries()].sort()) {
    const cpu = group.map((t) => ms(t.cpuUs)).sort((a, b) => a - b);
    // A long task is one task over 50 ms: the tick's longest task, in CPU time, is what load does not inflate.
    const taskCpu = group.map((t) => ms(t.maxTaskCpuUs)).sort((a, b) => a - b);
    lines.push(
      `  ${label.padEnd(28)} n=${String(group.length).padStart(3)}  cpu ${fmt(percentile(cpu, 0.5))} / ${fmt(percentile(cpu, 0.95))} / ${fmt(cpu.at(-1) ?? 0)}` +
        `  task cpu ${fmt(percentile(taskCpu, 0.5))} / ${fmt(percentile(taskCpu, 0.95))} / ${fmt(taskCpu.at(-1) ?? 0)}` +
        `  wall max ${fmt(ms(Math.max(...group.map((t) => t.maxTaskUs))))}`,
    );
  }
  const allTaskCpu = ticks.map((t) => ms(t.maxTaskCpuUs)).sort((a, b) => a - b);
  lines.push(
    `longest task per tick, CPU ms: median ${fmt(percentile(allTaskCpu, 0.5))}, p99 ${fmt(percentile(allTaskCpu, 0.99))}, max ${fmt(allTaskCpu.at(-1) ?? 0)};` +
      ` tasks over 50 ms CPU: ${allTaskCpu.filter((c) => c > 50).length}`,
  );
  const profile = cpuSamples(events, thread);
  parentsOf(profile.nodes);
  const slow = ticks.filter((t) => ms(t.cpuUs) >= SLOW_TICK_CPU_MS);
  for (const [title, subset] of [
    ['all ticks', ticks],
    [`ticks over ${SLOW_TICK_CPU_MS} ms CPU (${slow.length})`, slow],
  ]) {
    if (subset.length === 0) continue;
    const { byOwner, byFunction, appInclusive } = attribute(subset, profile);
    const total = [...byOwner.values()].reduce((a, b) => a + b, 0) || 1;
    lines.push(
      `self time in ${title}, ${fmt(ms(total))} ms sampled: ${topEntries(byOwner, 8)
        .map(([k, v]) => `${k} ${Math.round((100 * v) / total)}%`)
        .join(', ')}`,
    );
    lines.push(
      `  top functions: ${topEntries(byFunction, 12)
        .map(([k, v]) => `${k} ${fmt(ms(v) / subset.length)}`)
        .join('; ')} (ms per tick)`,
    );
    lines.push(
      `  app code, inclusive: ${topEntries(appInclusive, 12)
        .map(([k, v]) => `${k} ${fmt(ms(v) / subset.length)}`)
        .join('; ')} (ms per tick)`,
    );
  }
  return lines.join('\n');
}
