import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arm } from '@poolscope/shared/compare';

const OPTIONS: readonly { arm: Arm; labelKey: 'compare.editA' | 'compare.editB' }[] = [
  { arm: 'a', labelKey: 'compare.editA' },
  { arm: 'b', labelKey: 'compare.editB' },
];

interface ArmSwitchProps {
  arm: Arm;
  onChange: (arm: Arm) => void;
}

/** Which arm the controls change while comparing: native radios, so arrow keys move between them. */
export function ArmSwitch({ arm, onChange }: ArmSwitchProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="arm-switch">
      <legend className="sr-only">{t('compare.armLegend')}</legend>
      <div className="segmented" role="presentation">
        {OPTIONS.map((o) => (
          <label key={o.arm} className={`segment${arm === o.arm ? ' segment-on' : ''} segment-arm-${o.arm}`}>
            <input type="radio" name={name} value={o.arm} checked={arm === o.arm} onChange={() => onChange(o.arm)} />
            {t(o.labelKey)}
          </label>
        ))}
      </div>
      <p className="help">{t('compare.armHint')}</p>
    </fieldset>
  );
}
