import { useTranslation } from 'react-i18next';
import { PresenterOverlay } from '../features/lessons/presenter-overlay';
import { useLessons } from '../features/lessons/use-lessons';
import { useLive } from '../lib/use-live';
import { useMarkNumbersShown } from '../lib/numbers-first';
import { PANELS } from './panels';

/** The presenter view for the lesson the lab is on; back to the dashboard when there is none. */
export function Presenter({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  const { lessons } = useLessons();
  useMarkNumbersShown();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const lesson = position ? lessons.find((l) => l.id === position.id) : undefined;
  if (!position || !lesson) {
    return (
      <p className="presenter-waiting muted" role="status">
        {position ? t('lessons.loadingLesson') : t('lessons.noLesson')}{' '}
        <button type="button" className="btn" onClick={onExit}>
          {t('lessons.backToDashboard')}
        </button>
      </p>
    );
  }
  return <PresenterOverlay lesson={lesson} position={position} renderPanel={(panel) => PANELS[panel]()} onExit={onExit} />;
}
