import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_CHECK_METHODS, PoolConfigSchema } from '@poolscope/shared/pool-config';
import { formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';

/** The health-check method in force, and checks passed/failed per method. */
export const HealthMethod = memo(function HealthMethod() {
  const { t } = useTranslation();
  const method = useLive((s) => s.config?.pool.healthCheckMethod ?? PoolConfigSchema.properties.healthCheckMethod.default);
  const byMethod = useLive((s) => s.view?.totals.healthChecksByMethod);
  return (
    <div className="health-method">
      <p className="method-line">
        <span className="muted">{t('health.method')}</span>{' '}
        <strong data-testid="health-method" className="pill" translate="no">
          {method}
        </strong>{' '}
        <span className="muted">{t(`health.methodNote.${method}`, { defaultValue: '' })}</span>
      </p>
      <table className="mini-table">
        <caption className="sr-only">{t('health.byMethod')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('health.method')}</th>
            <th scope="col">{t('health.passed')}</th>
            <th scope="col">{t('health.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {HEALTH_CHECK_METHODS.filter((m) => m !== 'none').map((m) => (
            <tr key={m} aria-current={m === method ? 'true' : undefined}>
              <th scope="row" translate="no" data-in-use={t('health.inUse')}>
                {m}
              </th>
              <td>{formatNumber(byMethod?.[m]?.passed ?? 0)}</td>
              <td className={(byMethod?.[m]?.failed ?? 0) > 0 ? 'text-bad' : ''}>{formatNumber(byMethod?.[m]?.failed ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
