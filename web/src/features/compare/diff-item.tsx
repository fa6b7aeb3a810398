import { Trans } from 'react-i18next';
import type { KnobDiff } from '@poolscope/shared/compare';

/** "B: maxOpen 4 (A: 10)", worded here (the server's `label` is English) with the knob as code. */
export function DiffItem({ diff }: { diff: KnobDiff }) {
  return (
    <Trans i18nKey="compare.diffItem" values={{ knob: diff.knob, a: String(diff.a), b: String(diff.b) }} components={{ knob: <code /> }} />
  );
}
