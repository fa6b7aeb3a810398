import { memo } from 'react';
import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { Panel } from '../../components/panel';
import { Stat } from '../../components/stat';
import { TimeChart, type SeriesDef } from '../../components/time-chart';
import { OUTCOME_COLORS, PERCENTILE_COLORS } from '../../lib/palette';
import { formatMs, formatNumber, shortMs } from '../../lib/format';
import { useLive } from '../../lib/use-live';

const OUTCOMES: readonly SeriesDef[] = REQUEST_OUTCOMES.map((outcome) => ({
  key: outcome, name: outcome, get: (s) => s.rates.requests[outcome] ?? 0, agg: 'mean', kind: 'area', stackId: 'req', color: OUTCOME_COLORS[outcome],
}));

const RTT: readonly SeriesDef[] = (['p50', 'p90', 'p99', 'max'] as const).map((p) => ({
  key: p, name: p, get: (s) => s.latency.rttMs[p], agg: 'max', kind: 'line', color: PERCENTILE_COLORS[p],
}));


const Readouts = memo(function Readouts() {
  const ok = useLive((s) => s.view?.rates.requests.ok);
  const inFlight = useLive((s) => s.view?.totals.requestsInFlight);
  const rttP99 = useLive((s) => s.view?.latency.rttMs.p99);
  return (
    <dl className="readouts">
      <Stat label="OK requests" value={formatNumber(ok)} unit="/s" testId="stat-ok-rate" />
      <Stat label="In flight" value={formatNumber(inFlight)} />
      <Stat label="Round trip p99" value={formatMs(rttP99)} />
    </dl>
  );
});

export function TrafficPanel() {
  return (
    <Panel
      id="throughput"
      title="Throughput and round trip"
      lede="Requests finished per second, by how they ended, and the time from sending a request on a pooled connection to its echo coming back."
      actions={<Readouts />}
    >
      <div className="chart-pair">
        <TimeChart chartId="throughput" title="Requests per second by outcome" series={OUTCOMES} yUnit="req/s" />
        <TimeChart chartId="rtt" title="Round-trip percentiles" series={RTT} yFormat={shortMs} />
      </div>
    </Panel>
  );
}
