import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arm, KnobDiff } from '@poolscope/shared/compare';
import { LOAD_KNOBS, POOL_KNOBS } from '../../lib/knobs';
import { KnobControl } from '../../components/knob-control';
import { ackMessage } from '../../components/ack-message';
import { patchCompare, patchConfig } from '../../lib/commands';
import { useCompareStore, useLiveStore } from '../../lib/store-context';
import { useLive } from '../../lib/use-live';
import { useCompare } from '../../lib/use-compare';
import { ArmSwitch } from '../../components/compare/arm-switch';
import { KnobDiffNote } from '../../components/compare/knob-diff-note';
import { defaultsOf, knobGroups, type KnobGroup } from './knob-groups';
import { useConfigCommit } from './use-config-commit';

const GROUPS = knobGroups();

const Group = memo(function Group({ group, arm }: { group: KnobGroup; arm: Arm }) {
  const { t } = useTranslation();
  const configA = useLive((s) => s.config?.[group.scope]) as Record<string, unknown> | undefined;
  const configB = useCompare((s) => s.configB?.[group.scope]) as Record<string, unknown> | undefined;
  const diff = useCompare((s) => s.diff);
  const config = arm === 'b' ? configB : configA;
  const onCommit = useConfigCommit(group.scope, arm);
  const differs = new Map<string, KnobDiff>((diff ?? []).filter((d) => d.scope === group.scope).map((d) => [d.knob, d]));
  const count = group.knobs.filter((k) => differs.has(k.name)).length;
  return (
    <details className="knob-group" open={group.open || count > 0}>
      <summary>
        <span>{t(`controls.groups.${group.id}`, { defaultValue: group.title })}</span>
        <span className="muted small">
          {count > 0 ? `${count} ≠ · ` : ''}
          {group.knobs.length}
        </span>
      </summary>
      {config ? (
        group.knobs.map((knob) => {
          const d = differs.get(knob.name);
          return (
            <div key={knob.name} className={d ? 'knob-differs' : undefined}>
              <KnobControl knob={knob} value={config[knob.name]} onCommit={onCommit} />
              {d ? <KnobDiffNote diff={d} /> : null}
            </div>
          );
        })
      ) : (
        <p className="muted small">{t('controls.waitingForConfig')}</p>
      )}
    </details>
  );
});

function ResetButtons({ arm }: { arm: Arm }) {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  const [message, setMessage] = useState<string | null>(null);
  const reset = async () => {
    const defaults = { pool: defaultsOf(POOL_KNOBS), load: defaultsOf(LOAD_KNOBS) };
    if (arm === 'b') {
      const ack = await patchCompare(defaults);
      if (ack.ok) compareStore.setState(ack.data);
      setMessage(ack.ok ? t('controls.resetBDone') : ackMessage(ack.error, t));
      return;
    }
    const ack = await patchConfig(defaults);
    if (ack.ok) liveStore.setConfig(ack.data);
    setMessage(ack.ok ? t('controls.resetDone') : ackMessage(ack.error, t));
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void reset()}>
        {arm === 'b' ? t('controls.resetB') : t('controls.reset')}
      </button>
      {message ? (
        <p className="small" role="status">
          {message}
        </p>
      ) : null}
    </>
  );
}

/** A control for every pool and load knob, built from the shared schemas; while comparing, for the arm picked. */
export function ControlsPanel() {
  const { t } = useTranslation();
  const comparing = useCompare((s) => s.running);
  const [picked, setPicked] = useState<Arm>('a');
  const arm: Arm = comparing ? picked : 'a';
  return (
    <section id="controls" className="panel controls" aria-labelledby="controls-title" data-view="controls">
      <header className="panel-head">
        <div>
          <h2 id="controls-title">{t('controls.title')}</h2>
          <p className="lede">{t('controls.lede')}</p>
        </div>
      </header>
      {comparing ? <ArmSwitch arm={arm} onChange={setPicked} /> : null}
      {arm === 'b' ? (
        <p className="small editing-b" role="status">
          {t('compare.editingB')}
        </p>
      ) : null}
      <div className="panel-actions reset-row">
        <ResetButtons arm={arm} />
      </div>
      {/* Keyed by arm: a slider's held value belongs to the arm it was sent to. */}
      <div key={arm} className={`knob-groups knob-groups-${arm}`}>
        {GROUPS.map((group) => (
          <Group key={group.id} group={group} arm={arm} />
        ))}
      </div>
    </section>
  );
}
