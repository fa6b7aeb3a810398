import { memo, useState } from 'react';
import { reclaimLeaks } from '../../lib/commands';
import { formatClock, formatMs } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { useReadOnly } from '../../lib/read-only';
import { ackMessage } from '../../components/ack-message';

const SHOWN = 12;

/** Loans held past the leak detection threshold, longest first, and a button to reclaim them. */
export const LeakTable = memo(function LeakTable() {
  const suspects = useLive((s) => s.view?.leakSuspects);
  const count = useLive((s) => s.view?.pool.leakSuspects ?? 0);
  const threshold = useLive((s) => s.config?.pool.leakDetectionThresholdMs ?? 0);
  const readOnly = useReadOnly();
  const [message, setMessage] = useState<string | null>(null);
  const reclaim = async () => {
    const ack = await reclaimLeaks();
    setMessage(ack.ok ? `Reclaimed ${ack.data.reclaimed} connection${ack.data.reclaimed === 1 ? '' : 's'}.` : ackMessage(ack.error));
  };
  const sorted = [...(suspects ?? [])].sort((a, b) => b.heldMs - a.heldMs);
  return (
    <div className="leaks">
      <div className="subhead-row">
        <h3 className="subhead">Leak suspects <span className="count" data-testid="stat-leak-suspects">{count}</span></h3>
        {readOnly ? null : <button type="button" className="btn btn-danger" onClick={() => void reclaim()} disabled={count === 0}>Reclaim leaked connections</button>}
      </div>
      {threshold === 0 ? (
        <p className="muted small">Leak detection is off. Set <em>Leak detection threshold</em> above 0 to flag loans held longer than it.</p>
      ) : sorted.length === 0 ? (
        <p className="muted small">No loan held longer than {formatMs(threshold)}.</p>
      ) : (
        <table className="mini-table">
          <thead><tr><th scope="col">Connection</th><th scope="col">Target</th><th scope="col">Held for</th><th scope="col">Borrowed at</th></tr></thead>
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
          {sorted.length > SHOWN ? <tfoot><tr><td colSpan={4} className="muted">and {sorted.length - SHOWN} more</td></tr></tfoot> : null}
        </table>
      )}
      {message ? <p className="small" role="status">{message}</p> : null}
    </div>
  );
});
