import { memo } from 'react';
import { HEALTH_CHECK_METHODS, PoolConfigSchema } from '@poolscope/shared/pool-config';
import { formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';

const METHOD_NOTES: Record<string, string> = {
  ping: 'a framed echo round trip: catches closed, reset, garbling and stalled peers; costs one round trip.',
  probe: 'looks at the socket only, sends nothing: free, but a stalled peer passes.',
  'naive-probe': 'the classic Go isHealthy bug: EOF and reset count as healthy. Here to show the bug.',
  none: 'no checks at all: the first borrower finds out.',
};

/** The health-check method in force, and checks passed/failed per method. */
export const HealthMethod = memo(function HealthMethod() {
  const method = useLive((s) => s.config?.pool.healthCheckMethod ?? PoolConfigSchema.properties.healthCheckMethod.default);
  const byMethod = useLive((s) => s.view?.totals.healthChecksByMethod);
  return (
    <div className="health-method">
      <p className="method-line">
        <span className="muted">Method</span> <strong data-testid="health-method" className="pill">{method}</strong>{' '}
        <span className="muted">{METHOD_NOTES[method] ?? ''}</span>
      </p>
      <table className="mini-table">
        <caption className="sr-only">Health checks by method</caption>
        <thead><tr><th scope="col">Method</th><th scope="col">Passed</th><th scope="col">Failed</th></tr></thead>
        <tbody>
          {HEALTH_CHECK_METHODS.filter((m) => m !== 'none').map((m) => (
            <tr key={m} aria-current={m === method ? 'true' : undefined}>
              <th scope="row">{m}</th>
              <td>{formatNumber(byMethod?.[m]?.passed ?? 0)}</td>
              <td className={(byMethod?.[m]?.failed ?? 0) > 0 ? 'text-bad' : ''}>{formatNumber(byMethod?.[m]?.failed ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
