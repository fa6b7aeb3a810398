import { memo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { reclaimLeaks } from '../../lib/commands';
import { formatClock, formatMs } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { useReadOnly } from '../../lib/read-only';
import { ackMessage } from '../../components/ack-message';

const SHOWN = 12;

/** Loans held past the leak detection threshold, longest first, and a button to reclaim them. */
export const LeakTable = memo(function LeakTable() {
  const { t } = useTranslation();
  const suspects = useLive((s) => s.view?.leakSuspects);
  const count = useLive((s) => s.view?.pool.leakSuspects ?? 0);
  const threshold = useLive((s) => s.config?.pool.leakDetectionThresholdMs ?? 0);
  const readOnly = useReadOnly();
  const [message, setMessage] = useState<string | null>(null);
  const reclaim = async () => {
    const ack = await reclaimLeaks();
    setMessage(ack.ok ? t('leaks.reclaimed', { count: ack.data.reclaimed }) : ackMessage(ack.error, t));
  };
  const sorted = [...(suspects ?? [])].sort((a, b) => b.heldMs - a.heldMs);
  return (
    <div className="leaks">
      <div className="subhead-row">
        <h3 className="subhead">
          {t('leaks.title')}{' '}
          <span className="count" data-testid="stat-leak-suspects">
            {count}
          </span>
        </h3>
        {readOnly ? null : (
          <button type="button" className="btn btn-danger" onClick={() => void reclaim()} disabled={count === 0}>
            {t('leaks.reclaim')}
          </button>
        )}
      </div>
      {threshold === 0 ? (
        <p className="muted small">
          <Trans i18nKey="leaks.off" components={{ em: <em /> }} />
        </p>
      ) : sorted.length === 0 ? (
        <p className="muted small">{t('leaks.none', { threshold: formatMs(threshold) })}</p>
      ) : (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">{t('leaks.connection')}</th>
              <th scope="col">{t('leaks.target')}</th>
              <th scope="col">{t('leaks.heldFor')}</th>
              <th scope="col">{t('leaks.borrowedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, SHOWN).map((s) => (
              <tr key={s.connectionId}>
                <th scope="row">#{s.connectionId}</th>
                <td>{s.targetId}</td>
                <td className="text-bad">{formatMs(s.heldMs)}</td>
                <td>{formatClock(s.borrowedAt)}</td>
              </tr>
            ))}
          </tbody>
          {sorted.length > SHOWN ? (
            <tfoot>
              <tr>
                <td colSpan={4} className="muted">
                  {t('leaks.more', { count: sorted.length - SHOWN })}
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
      {message ? (
        <p className="small" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
});
