import { Panel } from '../../components/panel';
import { useLive } from '../../lib/use-live';
import { useReadOnly } from '../../lib/read-only';
import { AddTargetForm } from './add-target-form';
import { TargetTile } from './target-tile';

export function TargetsPanel() {
  const targets = useLive((s) => s.view?.targets);
  const readOnly = useReadOnly();
  return (
    <Panel
      id="targets"
      title="Targets"
      lede="The echo servers the pool connects to. Break one — take it down, stall it, reset its connections — and watch how the pool notices and recovers."
    >
      <div className="tiles">
        {(targets ?? []).map((t) => <TargetTile key={t.id} target={t} />)}
      </div>
      {targets && targets.length === 0 ? <p className="muted">No targets: add one below.</p> : null}
      {readOnly ? null : <AddTargetForm />}
    </Panel>
  );
}
