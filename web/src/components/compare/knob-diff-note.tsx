import { useTranslation } from 'react-i18next';
import type { KnobDiff } from '@poolscope/shared/compare';

/** Under a knob whose value differs between the arms, both values (the knob's own control shows the arm being edited). */
export function KnobDiffNote({ diff }: { diff: KnobDiff }) {
  const { t } = useTranslation();
  return (
    <p className="knob-diff-note" data-testid={`knob-diff-${diff.knob}`}>
      <span className="badge badge-warn">≠</span> {t('compare.differs', { a: String(diff.a), b: String(diff.b) })}
    </p>
  );
}
