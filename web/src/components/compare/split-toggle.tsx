import { useTranslation } from 'react-i18next';
import { useCompare } from '../../lib/use-compare';

interface SplitToggleProps {
  split: boolean;
  onChange: (split: boolean) => void;
}

/** Overlay (A solid, B dashed) or one chart per arm; shown only while a comparison runs. */
export function SplitToggle({ split, onChange }: SplitToggleProps) {
  const { t } = useTranslation();
  const comparing = useCompare((s) => s.running);
  if (!comparing) return null;
  return (
    <button type="button" className="btn btn-quiet" aria-pressed={split} title={t('compare.splitHint')} onClick={() => onChange(!split)}>
      {t('compare.split')}
    </button>
  );
}
