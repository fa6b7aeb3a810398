import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonPanel } from '@poolscope/shared/lesson-schema';
import { PoolStatePanel } from '../features/charts/pool-state-panel';
import { WaitPanel } from '../features/charts/wait-panel';
import { TrafficPanel } from '../features/charts/traffic-panel';
import { HealthPanel } from '../features/health/health-panel';
import { LittlesLawPanel } from '../features/littles-law/littles-law-panel';
import { ConnectionMap } from '../features/connections/connection-map';
import { ConnectionLifetimesPanel } from '../features/connections/connection-lifetimes-panel';
import { TargetsPanel } from '../features/targets/targets-panel';
import { EventLog } from '../features/events/event-log';
import { PresenterOverlay } from '../features/lessons/presenter-overlay';
import { useLessons } from '../features/lessons/use-lessons';
import { useLive } from '../lib/use-live';

/** Every panel a lesson step can focus, by the id the lesson names. */
export const PANELS: Record<LessonPanel, () => ReactNode> = {
  'pool-state': () => <PoolStatePanel />,
  'wait-times': () => <WaitPanel />,
  throughput: () => <TrafficPanel />,
  health: () => <HealthPanel />,
  'littles-law': () => <LittlesLawPanel />,
  'connection-map': () => <ConnectionMap />,
  'connection-lifetimes': () => <ConnectionLifetimesPanel />,
  targets: () => <TargetsPanel />,
  events: () => <EventLog />,
};

/** The presenter view for the lesson the lab is on; back to the dashboard when there is none. */
export function Presenter({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const lesson = position ? lessons.find((l) => l.id === position.id) : undefined;
  if (!position || !lesson) {
    return <p className="presenter-waiting muted" role="status">{position ? t('lessons.loadingLesson') : t('lessons.noLesson')} <button type="button" className="btn" onClick={onExit}>{t('lessons.backToDashboard')}</button></p>;
  }
  return <PresenterOverlay lesson={lesson} position={position} renderPanel={(panel) => PANELS[panel]()} onExit={onExit} />;
}
