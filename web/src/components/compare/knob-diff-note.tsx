import type { KnobDiff } from '@poolscope/shared/compare';

const DIFFERS = (d: KnobDiff) => `Differs: A ${String(d.a)} · B ${String(d.b)}`;

/** Under a knob whose value differs between the arms, both values (the knob's own control shows the arm being edited). */
export function KnobDiffNote({ diff }: { diff: KnobDiff }) {
  return <p className="knob-diff-note" data-testid={`knob-diff-${diff.knob}`}><span className="badge badge-warn">≠</span> {DIFFERS(diff)}</p>;
}
