import { Panel } from '../../components/panel';
import { TimeChart, type SeriesDef } from '../../components/time-chart';
import { OKABE_ITO } from '../../lib/palette';
import { CloseReasons } from './close-reasons';
import { HealthMethod } from './health-method';
import { HealthStats } from './health-stats';
import { LeakTable } from './leak-table';

const RATES: readonly SeriesDef[] = [
  { key: 'hcFailed', name: 'Health checks failed', get: (s) => s.rates.healthChecksFailed, agg: 'mean', kind: 'line', color: OKABE_ITO.purple },
  { key: 'stale', name: 'Stale borrows', get: (s) => s.rates.staleBorrows, agg: 'mean', kind: 'line', color: OKABE_ITO.yellow },
  { key: 'dial', name: 'Dial failures', get: (s) => s.rates.dialFailures, agg: 'mean', kind: 'line', color: OKABE_ITO.orange },
  { key: 'timeouts', name: 'Acquire timeouts', get: (s) => s.rates.acquireTimeouts, agg: 'mean', kind: 'line', color: OKABE_ITO.vermillion },
  { key: 'rejected', name: 'Rejected', get: (s) => s.rates.rejected, agg: 'mean', kind: 'line', color: OKABE_ITO.sky },
];

export function HealthPanel() {
  return (
    <Panel
      id="health"
      title="Health and errors"
      lede="How the pool finds dead connections (health checks), what slipped through (stale borrows), and every way a borrower or a connection came to grief."
    >
      <HealthStats />
      <div className="health-grid">
        <div>
          <HealthMethod />
          <TimeChart chartId="health" title="Errors per second" series={RATES} height={180} yUnit="per second" />
        </div>
        <CloseReasons />
      </div>
      <LeakTable />
    </Panel>
  );
}
