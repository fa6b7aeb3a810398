import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOAD_KNOBS, POOL_KNOBS } from '../../lib/knobs';
import { KnobControl } from '../../components/knob-control';
import { ackMessage } from '../../components/ack-message';
import { patchConfig } from '../../lib/commands';
import { liveStore } from '../../lib/live-store';
import { useLive } from '../../lib/use-live';
import { defaultsOf, knobGroups, type KnobGroup } from './knob-groups';
import { useConfigCommit } from './use-config-commit';

const GROUPS = knobGroups();

const Group = memo(function Group({ group }: { group: KnobGroup }) {
  const { t } = useTranslation();
  const config = useLive((s) => s.config?.[group.scope]) as Record<string, unknown> | undefined;
  const onCommit = useConfigCommit(group.scope);
  return (
    <details className="knob-group" open={group.open}>
      <summary><span>{t(`controls.groups.${group.id}`, { defaultValue: group.title })}</span><span className="muted small">{group.knobs.length}</span></summary>
      {config ? group.knobs.map((knob) => <KnobControl key={knob.name} knob={knob} value={config[knob.name]} onCommit={onCommit} />) : <p className="muted small">{t('controls.waitingForConfig')}</p>}
    </details>
  );
});

function ResetButtons() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const reset = async () => {
    const ack = await patchConfig({ pool: defaultsOf(POOL_KNOBS), load: defaultsOf(LOAD_KNOBS) });
    if (ack.ok) liveStore.setConfig(ack.data);
    setMessage(ack.ok ? t('controls.resetDone') : ackMessage(ack.error, t));
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void reset()}>{t('controls.reset')}</button>
      {message ? <p className="small" role="status">{message}</p> : null}
    </>
  );
}

/** A control for every pool and load knob, built from the shared schemas. */
export function ControlsPanel() {
  const { t } = useTranslation();
  return (
    <section id="controls" className="panel controls" aria-labelledby="controls-title" data-view="controls">
      <header className="panel-head">
        <div>
          <h2 id="controls-title">{t('controls.title')}</h2>
          <p className="lede">{t('controls.lede')}</p>
        </div>
      </header>
      <div className="panel-actions reset-row"><ResetButtons /></div>
      {GROUPS.map((group) => <Group key={group.id} group={group} />)}
    </section>
  );
}
