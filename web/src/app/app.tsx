import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Recording } from '@poolscope/shared/recording';
import { useStores } from '../lib/store-context';
import { RecordingPlayer } from '../features/recording/recording-player';
import { ReplayBar } from '../features/recording/replay-bar';
import { recordingFromUrl } from '../features/recording/recording-from-url';
import { useTranslation } from 'react-i18next';
import { connectLive } from '../lib/live-connection';
import { onAuthRefused } from '../lib/commands';
import { KpiStrip } from '../features/overview/kpi-strip';
import { ScenarioBar } from '../features/scenarios/scenario-bar';
import { CompareBar } from '../features/compare/compare-bar';
import { CompareTablePanel } from '../features/compare/compare-table';
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
import { useScenarios } from '../features/scenarios/use-scenarios';
import { useFocusPanel } from '../lib/use-focus-panel';
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
  const { t } = useTranslation();
  const stores = useStores();
  const liveStore = stores.live;
  const [replay, setReplay] = useState<Replay | null>(null);
  const [replayProblem, setReplayProblem] = useState<string | null>(null);
  // No lab behind a recording: the live socket stays closed while one plays.
  useEffect(() => (live && !replay ? connectLive(stores) : undefined), [live, replay, stores]);
  useEffect(() => onAuthRefused(() => liveStore.setNeedsToken(true)), [liveStore]);
  useEffect(() => {
    if (!replay) return;
    replay.player.seek(replay.player.startMs);
    return () => replay.player.dispose();
  }, [replay]);
  useEffect(() => {
    if (!live) return;
    void recordingFromUrl(window.location.search, window.location.origin, async (url) => {
      const response = await fetch(url);
      return { ok: response.ok, status: response.status, text: await response.text() };
    }).then((parsed) => {
      if (!parsed) return;
      if (parsed.ok) setReplay({ player: new RecordingPlayer(parsed.recording, liveStore), name: t('recording.fromLink'), recordedAt: parsed.recording.recordedAt });
      else setReplayProblem(t('recording.linkProblem', { message: parsed.problem.message }));
    });
  }, [live, t, liveStore]);
  const openRecording = useCallback((recording: Recording, name: string) => {
    setReplay({ player: new RecordingPlayer(recording, liveStore), name, recordedAt: recording.recordedAt });
  }, [liveStore]);
  const closeRecording = useCallback(() => {
    liveStore.reset();
    setReplay(null);
  }, [liveStore]);
  const [presenting, setPresenting] = useState(() => window.location.hash === PRESENT_HASH);
  const present = useCallback((on: boolean) => {
    setPresenting(on);
    // In the address bar, so a reload (or a second projector tab) comes back to the presenter view.
    window.history.replaceState(null, '', on ? PRESENT_HASH : window.location.pathname + window.location.search);
  }, []);
  if (isSpeakerNotesView(window.location.search)) return <SpeakerNotes />;
  if (isAudienceView(window.location.search)) return <Audience />;
  if (presenting) return <Presenter onExit={() => present(false)} />;
  return (
    <Dashboard onPresent={() => present(true)} onOpenRecording={openRecording}
      replayBar={replay ? <ReplayBar player={replay.player} name={replay.name} recordedAt={replay.recordedAt} onClose={closeRecording} /> : null}
      problem={replayProblem} />
  );
}

interface Replay {
  player: RecordingPlayer;
  name: string;
  recordedAt: string;
}

/** Every panel at once; while a lesson runs, its focused panel is scrolled to and marked. */
function Dashboard({ onPresent, onOpenRecording, replayBar, problem }: {
  onPresent: () => void; onOpenRecording: (recording: Recording, name: string) => void; replayBar: ReactNode; problem: string | null;
}) {
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const step = position ? lessons.find((l) => l.id === position.id)?.steps[position.step - 1] : undefined;
  const { scenarios } = useScenarios();
  const scenarioId = useLive((s) => s.latest?.scenarioId ?? null);
  const scenario = scenarioId ? scenarios.find((s) => s.id === scenarioId) : undefined;
  // A lesson step leads; outside a lesson, the scenario that runs brings its key panel into view.
  const focus = step?.focus ?? scenario?.focus ?? null;
  const focusKey = position ? `lesson:${position.id}/${position.step}` : scenarioId ? `scenario:${scenarioId}` : null;
  useFocusPanel(focus?.panel ?? null, focusKey);
  const { t } = useTranslation();
  return (
    <div className={replayBar ? 'app replaying' : 'app'}>
      <a className="skip-link" href="#controls">{t('app.skipToControls')}</a>
      <AppHeader onOpenRecording={onOpenRecording} />
      {replayBar}
      {problem ? <p className="banner banner-warn" role="alert">{problem}</p> : null}
      <TokenPrompt />
      <ShareBanner />
      <LessonBar onPresent={onPresent} />
      <ScenarioBar />
      <CompareBar />
      <KpiStrip />
      <div className="layout">
        <main className="main">
          <div className="compare-top">
            <CompareTablePanel />
            <PoolStatePanel />
          </div>
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
        <aside className="sidebar" aria-label={t('app.controls')}>
          <ControlsPanel />
        </aside>
      </div>
    </div>
  );
}
