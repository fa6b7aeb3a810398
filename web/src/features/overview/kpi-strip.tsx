import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { LiveStat } from '../../components/live-stat';
import type { LiveStore } from '../../lib/live-store';
import { formatMs, formatNumber } from '../../lib/format';

const positive = (tone: 'warn' | 'bad') => (v: number) => (v > 0 ? tone : undefined);
const requestRate = (s: LiveStore) => {
  const r = s.view?.rates.requests;
  return r ? REQUEST_OUTCOMES.reduce((sum, o) => sum + (r[o] ?? 0), 0) : undefined;
};

/** The numbers a class watches first, as labelled text (one <dl>), updated every tick. */
export function KpiStrip() {
  return (
    <dl className="kpis" aria-label="Key numbers" data-view="key-numbers">
      <LiveStat label="Open connections" testId="stat-open" select={(s) => s.view?.pool.open} format={formatNumber} />
      <LiveStat label="Active" testId="stat-active" select={(s) => s.view?.pool.active} format={formatNumber} />
      <LiveStat label="Idle" testId="stat-idle" select={(s) => s.view?.pool.idle} format={formatNumber} />
      <LiveStat label="Waiting" testId="stat-waiting" select={(s) => s.view?.pool.waiting} format={formatNumber} toneFor={positive('warn')}
        hint="Borrowers queued for a connection right now." />
      <LiveStat label="Acquires" testId="stat-acquire-rate" select={(s) => s.view?.rates.acquires} format={formatNumber} unit="/s" />
      <LiveStat label="Wait p99" testId="stat-wait-p99" select={(s) => s.view?.latency.acquireWaitMs.p99} format={formatMs} />
      <LiveStat label="Requests" testId="stat-request-rate" select={requestRate} format={formatNumber} unit="/s" />
      <LiveStat label="Acquire timeouts" testId="stat-acquire-timeouts" select={(s) => s.view?.totals.acquireTimeouts} format={formatNumber} toneFor={positive('bad')}
        hint="Total since start: borrowers that gave up after Acquire timeout." />
      <LiveStat label="Health checks failed" testId="stat-health-checks-failed" select={(s) => s.view?.totals.healthChecksFailed} format={formatNumber} toneFor={positive('bad')}
        hint="Total since start." />
    </dl>
  );
}
