import { useCallback, useEffect, useState } from 'react';
import { connectLive } from '../lib/live-connection';
import { KpiStrip } from '../features/overview/kpi-strip';
import { ScenarioBar } from '../features/scenarios/scenario-bar';
import { ShareBanner } from '../features/share/share-banner';
import { TokenPrompt } from '../features/status/token-prompt';
import { PoolStatePanel } from '../features/charts/pool-state-panel';
import { WaitPanel } from '../features/charts/wait-panel';
import { TrafficPanel } from '../features/charts/traffic-panel';
import { HealthPanel } from '../features/health/health-panel';
import { LittlesLawPanel } from '../features/littles-law/littles-law-panel';
import { ConnectionMap } from '../features/connections/connection-map';
import { ConnectionLifetimesPanel } from '../features/connections/connection-lifetimes-panel';
import { TargetsPanel } from '../features/targets/targets-panel';
import { ControlsPanel } from '../features/controls/controls-panel';
import { EventLog } from '../features/events/event-log';
import { LessonBar } from '../features/lessons/lesson-bar';
import { useFocusPanel } from '../features/lessons/use-focus-panel';
import { useLessons } from '../features/lessons/use-lessons';
import { isSpeakerNotesView } from '../features/lessons/speaker-notes-window';
import { SpeakerNotes } from '../features/lessons/speaker-notes';
import { useLive } from '../lib/use-live';
import { AppHeader } from './app-header';
import { Audience } from './audience';
import { isAudienceView } from '../features/share/audience-link';
import { Presenter } from './presenter';

const PRESENT_HASH = '#present';

export function App({ live = true }: { live?: boolean }) {
  useEffect(() => (live ? connectLive() : undefined), [live]);
  const [presenting, setPresenting] = useState(() => window.location.hash === PRESENT_HASH);
  const present = useCallback((on: boolean) => {
    setPresenting(on);
    // In the address bar, so a reload (or a second projector tab) comes back to the presenter view.
    window.history.replaceState(null, '', on ? PRESENT_HASH : window.location.pathname + window.location.search);
  }, []);
  if (isSpeakerNotesView(window.location.search)) return <SpeakerNotes />;
  if (isAudienceView(window.location.search)) return <Audience />;
  if (presenting) return <Presenter onExit={() => present(false)} />;
  return <Dashboard onPresent={() => present(true)} />;
}

/** Every panel at once; while a lesson runs, its focused panel is scrolled to and marked. */
function Dashboard({ onPresent }: { onPresent: () => void }) {
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const step = position ? lessons.find((l) => l.id === position.id)?.steps[position.step - 1] : undefined;
  useFocusPanel(step?.focus.panel ?? null, position ? `${position.id}/${position.step}` : null);
  return (
    <div className="app">
      <a className="skip-link" href="#controls">Skip to controls</a>
      <AppHeader />
      <TokenPrompt />
      <ShareBanner />
      <LessonBar onPresent={onPresent} />
      <ScenarioBar />
      <KpiStrip />
      <div className="layout">
        <main className="main">
          <PoolStatePanel />
          <WaitPanel />
          <TrafficPanel />
          <HealthPanel />
          <div className="two-up">
            <LittlesLawPanel />
            <ConnectionMap />
          </div>
          <ConnectionLifetimesPanel />
          <TargetsPanel />
          <EventLog />
        </main>
        <aside className="sidebar" aria-label="Controls">
          <ControlsPanel />
        </aside>
      </div>
    </div>
  );
}
