import { useCompare } from '../../lib/use-compare';

const SPLIT_LABEL = 'Split A | B';
const SPLIT_HINT = 'Draw each arm in its own chart, one above the other, on the same time axis';

interface SplitToggleProps {
  split: boolean;
  onChange: (split: boolean) => void;
}

/** Overlay (A solid, B dashed) or one chart per arm; shown only while a comparison runs. */
export function SplitToggle({ split, onChange }: SplitToggleProps) {
  const comparing = useCompare((s) => s.running);
  if (!comparing) return null;
  return (
    <button type="button" className="btn btn-quiet" aria-pressed={split} title={SPLIT_HINT} onClick={() => onChange(!split)}>
      {SPLIT_LABEL}
    </button>
  );
}
