import { knobTitle } from '../../i18n/words';
import type { TFunction } from 'i18next';
import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetSnapshot } from '@poolscope/shared/snapshot';
import type { TargetKnobs } from '@poolscope/shared/target-config';
import { KnobControl } from '../../components/knob-control';
import { ackMessage } from '../../components/ack-message';
import { Stat } from '../../components/stat';
import { patchTarget, removeTarget, restartTarget } from '../../lib/commands';
import { TARGET_KNOBS } from '../../lib/knobs';
import { formatNumber } from '../../lib/format';
import { TARGET_STATE_TONE } from '../../lib/palette';
import { useReadOnly } from '../../lib/read-only';

const FAULTS = TARGET_KNOBS.filter((k) => k.kind === 'boolean');
const TUNING = TARGET_KNOBS.filter((k) => k.kind !== 'boolean');

/** The fault switches that are on, by their labels: what the audience reads instead of the switches. */
function faultsOn(knobs: TargetKnobs, t: TFunction): string {
  const on = FAULTS.filter((knob) => knobs[knob.name as keyof TargetKnobs] === true).map((knob) => knobTitle(t, knob));
  return on.length > 0 ? `${t('audience.faultsOn')}: ${on.join(', ')}` : t('audience.noFaults');
}

/** A Hystrix-style tile: the target's state and numbers up top, its fault knobs below. */
export const TargetTile = memo(function TargetTile({ target }: { target: TargetSnapshot }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const [message, setMessage] = useState<string | null>(null);
  const onCommit = useCallback(
    async (name: string, value: unknown) => {
      const ack = await patchTarget(target.id, { [name]: value } as Partial<TargetKnobs>);
      return ack;
    },
    [target.id],
  );
  const restart = async () => {
    const ack = await restartTarget(target.id);
    setMessage(ack.ok ? t('targets.restarted') : ackMessage(ack.error, t));
  };
  const remove = async () => {
    const ack = await removeTarget(target.id);
    if (!ack.ok) setMessage(ackMessage(ack.error, t));
  };
  const tone = TARGET_STATE_TONE[target.state];
  return (
    <article
      className={`tile tile-${tone}`}
      aria-label={t('targets.tile', { id: target.id, address: target.address })}
      data-testid={`target-${target.id}`}
    >
      <header className="tile-head">
        <div>
          <h3 translate="no">{target.id}</h3>
          <p className="muted small">
            <span translate="no">{target.address}</span>
            {target.embedded ? t('targets.embedded') : t('targets.external')}
          </p>
        </div>
        <span className={`badge badge-${tone}`} data-testid={`target-state-${target.id}`}>
          {t(`targetState.${target.state}`)}
        </span>
      </header>
      <dl className="tile-stats">
        <Stat label={t('targets.open')} value={formatNumber(target.open)} />
        <Stat label={t('targets.reqPerSec')} value={formatNumber(target.requestsPerSec)} />
        <Stat
          label={t('targets.checkFails')}
          value={formatNumber(target.healthChecksFailed)}
          tone={target.healthChecksFailed > 0 ? 'bad' : undefined}
        />
        <Stat
          label={t('targets.dialFails')}
          value={formatNumber(target.dialFailures)}
          tone={target.dialFailures > 0 ? 'warn' : undefined}
        />
      </dl>
      {target.lastError ? (
        <p className="tile-error small" title={target.lastError}>
          {t('targets.lastError')} <span translate="no">{target.lastError}</span>
        </p>
      ) : null}
      {target.knobs && readOnly ? (
        <p className="small" data-testid={`target-faults-${target.id}`}>
          {faultsOn(target.knobs, t)}
        </p>
      ) : target.knobs ? (
        <>
          <div className="tile-faults" role="group" aria-label={t('targets.faults', { id: target.id })}>
            {FAULTS.map((knob) => (
              <KnobControl key={knob.name} knob={knob} value={target.knobs?.[knob.name as keyof TargetKnobs]} onCommit={onCommit} compact />
            ))}
          </div>
          <details className="tile-knobs">
            <summary>{t('targets.tuning')}</summary>
            {TUNING.map((knob) => (
              <KnobControl key={knob.name} knob={knob} value={target.knobs?.[knob.name as keyof TargetKnobs]} onCommit={onCommit} compact />
            ))}
          </details>
        </>
      ) : (
        <p className="muted small">{t('targets.externalNote')}</p>
      )}
      {readOnly ? null : (
        <div className="tile-actions">
          <button type="button" className="btn" onClick={() => void restart()} disabled={!target.embedded}>
            {t('targets.restart')}
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => void remove()}>
            {t('targets.remove')}
          </button>
        </div>
      )}
      {message ? (
        <p className="small" role="status">
          {message}
        </p>
      ) : null}
    </article>
  );
}, sameTarget);

/** Snapshots bring a new object every tick; re-render a tile only when something shown changed. */
function sameTarget(a: { target: TargetSnapshot }, b: { target: TargetSnapshot }): boolean {
  const x = a.target;
  const y = b.target;
  if (
    x.id !== y.id ||
    x.address !== y.address ||
    x.state !== y.state ||
    x.open !== y.open ||
    x.healthChecksFailed !== y.healthChecksFailed ||
    x.dialFailures !== y.dialFailures ||
    x.requestsPerSec !== y.requestsPerSec ||
    x.lastError !== y.lastError ||
    x.embedded !== y.embedded
  )
    return false;
  if (x.knobs === null || y.knobs === null) return x.knobs === y.knobs;
  const kx = x.knobs as Record<string, unknown>;
  const ky = y.knobs as Record<string, unknown>;
  return Object.keys(kx).every((k) => kx[k] === ky[k]);
}
