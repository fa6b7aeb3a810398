import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/panel';
import { useLive } from '../../lib/use-live';
import { useReadOnly } from '../../lib/read-only';
import { AddTargetForm } from './add-target-form';
import { TargetTile } from './target-tile';

export function TargetsPanel() {
  const { t } = useTranslation();
  const targets = useLive((s) => s.view?.targets);
  const readOnly = useReadOnly();
  return (
    <Panel id="targets" title={t('targets.title')} lede={t('targets.lede')}>
      <div className="tiles">
        {(targets ?? []).map((t) => (
          <TargetTile key={t.id} target={t} />
        ))}
      </div>
      {targets && targets.length === 0 ? <p className="muted">{t('targets.none')}</p> : null}
      {readOnly ? null : <AddTargetForm />}
    </Panel>
  );
}
