import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { LiveStat } from '../../components/live-stat';
import { formatMs, formatNumber } from '../../lib/format';
import { useCompare } from '../../lib/use-compare';
import { ArmStat, type ArmNumbers } from '../compare/arm-stat';

const LABEL = 'Key numbers';
const LABEL_COMPARING = 'Key numbers, arm A | arm B';

const positive = (tone: 'warn' | 'bad') => (v: number) => (v > 0 ? tone : undefined);
const requestRate = (s: ArmNumbers) => REQUEST_OUTCOMES.reduce((sum, o) => sum + (s.rates.requests[o] ?? 0), 0);

interface Kpi {
  label: string;
  testId: string;
  select: (s: ArmNumbers) => number;
  format: (value: number | undefined) => string;
  unit?: string;
  toneFor?: (value: number) => 'good' | 'warn' | 'bad' | undefined;
  hint?: string;
}

const KPIS: readonly Kpi[] = [
  { label: 'Open connections', testId: 'stat-open', select: (s) => s.pool.open, format: formatNumber },
  { label: 'Active', testId: 'stat-active', select: (s) => s.pool.active, format: formatNumber },
  { label: 'Idle', testId: 'stat-idle', select: (s) => s.pool.idle, format: formatNumber },
  { label: 'Waiting', testId: 'stat-waiting', select: (s) => s.pool.waiting, format: formatNumber, toneFor: positive('warn'), hint: 'Borrowers queued for a connection right now.' },
  { label: 'Acquires', testId: 'stat-acquire-rate', select: (s) => s.rates.acquires, format: formatNumber, unit: '/s' },
  { label: 'Wait p99', testId: 'stat-wait-p99', select: (s) => s.latency.acquireWaitMs.p99, format: formatMs },
  { label: 'Requests', testId: 'stat-request-rate', select: requestRate, format: formatNumber, unit: '/s' },
  { label: 'Acquire timeouts', testId: 'stat-acquire-timeouts', select: (s) => s.totals.acquireTimeouts, format: formatNumber, toneFor: positive('bad'),
    hint: 'Total since start: borrowers that gave up after Acquire timeout.' },
  { label: 'Health checks failed', testId: 'stat-health-checks-failed', select: (s) => s.totals.healthChecksFailed, format: formatNumber, toneFor: positive('bad'),
    hint: 'Total since start.' },
];

/** The numbers a class watches first, as labelled text (one <dl>), updated every tick; "A | B" while comparing. */
export function KpiStrip() {
  const comparing = useCompare((s) => s.view !== null);
  return (
    <dl className={`kpis${comparing ? ' kpis-arms' : ''}`} aria-label={comparing ? LABEL_COMPARING : LABEL} data-view="key-numbers">
      {KPIS.map(({ select, ...k }) => (comparing
        ? <ArmStat key={k.testId} label={k.label} testId={k.testId} select={select} format={k.format} unit={k.unit} hint={k.hint} />
        : <LiveStat key={k.testId} {...k} select={(s) => (s.view ? select(s.view) : undefined)} />))}
    </dl>
  );
}
