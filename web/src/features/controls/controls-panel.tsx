import { memo, useState } from 'react';
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
  const config = useLive((s) => s.config?.[group.scope]) as Record<string, unknown> | undefined;
  const onCommit = useConfigCommit(group.scope);
  return (
    <details className="knob-group" open={group.open}>
      <summary><span>{group.title}</span><span className="muted small">{group.knobs.length}</span></summary>
      {config ? group.knobs.map((knob) => <KnobControl key={knob.name} knob={knob} value={config[knob.name]} onCommit={onCommit} />) : <p className="muted small">Waiting for the lab's config…</p>}
    </details>
  );
});

function ResetButtons() {
  const [message, setMessage] = useState<string | null>(null);
  const reset = async () => {
    const ack = await patchConfig({ pool: defaultsOf(POOL_KNOBS), load: defaultsOf(LOAD_KNOBS) });
    if (ack.ok) liveStore.setConfig(ack.data);
    setMessage(ack.ok ? 'Every pool and load knob is back at its default.' : ackMessage(ack.error));
  };
  return (
    <>
      <button type="button" className="btn" onClick={() => void reset()}>Reset to defaults</button>
      {message ? <p className="small" role="status">{message}</p> : null}
    </>
  );
}

/** A control for every pool and load knob, built from the shared schemas. */
export function ControlsPanel() {
  return (
    <section id="controls" className="panel controls" aria-labelledby="controls-title" data-view="controls">
      <header className="panel-head">
        <div>
          <h2 id="controls-title">Controls</h2>
          <p className="lede">Changes apply when you let go of a slider (or press Enter in a number box). The lab checks every value; a refused one is explained here.</p>
        </div>
      </header>
      <div className="panel-actions reset-row"><ResetButtons /></div>
      {GROUPS.map((group) => <Group key={group.id} group={group} />)}
    </section>
  );
}
