import { Suspense, useCallback, useEffect, useState } from 'react';
import type { Recording } from '@poolscope/shared/recording';
import { useStores } from '../lib/store-context';
import { onAuthRefused } from '../lib/commands';
import type { RecordingPlayer } from '../features/recording/recording-player';
import { hasRecordingLink } from '../features/recording/recording-link';
import { useTranslation } from 'react-i18next';
import { connectLive } from '../lib/live-connection';
import { lazyPart } from '../lib/lazy-part';
import { PRESENT_HASH, VIEW_CHUNKS, viewOf } from './views';

// Each view is a chunk of its own (issue 19, first-load budget); fetch-view-early.ts starts the page's own.
const Dashboard = lazyPart(() => VIEW_CHUNKS.dashboard().then((m) => m.Dashboard));
const Audience = lazyPart(() => VIEW_CHUNKS.audience().then((m) => m.Audience));
const Presenter = lazyPart(() => VIEW_CHUNKS.presenter().then((m) => m.Presenter));
const SpeakerNotes = lazyPart(() => VIEW_CHUNKS['speaker-notes']().then((m) => m.SpeakerNotes));
// Playback is fetched when a recording is opened.
const ReplayBar = lazyPart(() => import('../features/recording/replay-bar').then((m) => m.ReplayBar));
const loadPlayer = () => import('../features/recording/recording-player').then((m) => m.RecordingPlayer);

/**
 * Starts fetching the view this page opens on (main.tsx calls it before the texts are in); resolves
 * when the view can render without suspending.
 */
export function preloadView(location: { search: string; hash: string }): Promise<void> {
  const parts = { 'speaker-notes': SpeakerNotes, audience: Audience, presenter: Presenter, dashboard: Dashboard };
  return parts[viewOf(location)].preload();
}

export function App({ live = true }: { live?: boolean }) {
  const { t } = useTranslation();
  const stores = useStores();
  const liveStore = stores.live;
  const [replay, setReplay] = useState<Replay | null>(null);
  const [replayProblem, setReplayProblem] = useState<string | null>(null);
  // A page opened on a recording link plays the recording, not the lab: the live socket stays
  // closed while the file loads (the lab's history would be fetched and ingested for nothing) and
  // opens only if the link fails.
  const [linkLoading, setLinkLoading] = useState(() => live && hasRecordingLink(window.location.search));
  // No lab behind a recording: the live socket stays closed while one plays.
  useEffect(() => (live && !replay && !linkLoading ? connectLive(stores) : undefined), [live, replay, linkLoading, stores]);
  useEffect(() => onAuthRefused(() => liveStore.setNeedsToken(true)), [liveStore]);
  useEffect(() => {
    if (!replay) return;
    replay.player.seek(replay.player.startMs);
    replay.player.buildInIdleTime();
    return () => replay.player.dispose();
  }, [replay]);
  useEffect(() => {
    // The recording reader (and its schema checker) loads only for a page opened on a recording link.
    if (!live || !hasRecordingLink(window.location.search)) return;
    // A recording has no live numbers to put first: the panels' chunks (charts, lower panels,
    // controls) load and mount while the file is fetched, not in a second round after it is read.
    liveStore.markNumbersShown();
    void (async () => {
      // The player's chunk and the replay bar's load while the file is fetched and read, not after.
      const player = loadPlayer();
      void ReplayBar.preload();
      const [{ recordingFromUrl }, { readTextOffMainThread }] = await Promise.all([
        import('../features/recording/recording-from-url'),
        import('../features/recording/read-text-off-main'),
      ]);
      const parsed = await recordingFromUrl(window.location.search, window.location.origin, (url) => readTextOffMainThread({ url }));
      if (!parsed) return setLinkLoading(false);
      if (!parsed.ok) {
        setLinkLoading(false);
        return setReplayProblem(t('recording.linkProblem', { message: parsed.problem.message }));
      }
      const Player = await player;
      setLinkLoading(false);
      setReplay({
        player: new Player(parsed.recording, stores),
        name: t('recording.fromLink'),
        recordedAt: parsed.recording.recordedAt,
      });
    })();
  }, [live, t, stores, liveStore]);
  const openRecording = useCallback(
    (recording: Recording, name: string) => {
      void loadPlayer().then((Player) => setReplay({ player: new Player(recording, stores), name, recordedAt: recording.recordedAt }));
    },
    [stores],
  );
  const closeRecording = useCallback(() => {
    liveStore.reset();
    stores.compare.reset();
    setReplay(null);
  }, [liveStore, stores]);
  const [presenting, setPresenting] = useState(() => window.location.hash === PRESENT_HASH);
  const present = useCallback((on: boolean) => {
    setPresenting(on);
    // In the address bar, so a reload (or a second projector tab) comes back to the presenter view.
    window.history.replaceState(null, '', on ? PRESENT_HASH : window.location.pathname + window.location.search);
  }, []);
  const view = viewOf(window.location, presenting);
  if (view === 'speaker-notes')
    return (
      <Suspense fallback={null}>
        <SpeakerNotes />
      </Suspense>
    );
  if (view === 'audience')
    return (
      <Suspense fallback={null}>
        <Audience />
      </Suspense>
    );
  if (view === 'presenter') {
    return (
      <Suspense
        fallback={
          <p className="presenter-waiting muted" role="status">
            {t('lessons.loadingLesson')}
          </p>
        }
      >
        <Presenter onExit={() => present(false)} />
      </Suspense>
    );
  }
  const replayBar = replay ? (
    <Suspense fallback={null}>
      <ReplayBar player={replay.player} name={replay.name} recordedAt={replay.recordedAt} onClose={closeRecording} />
    </Suspense>
  ) : null;
  return (
    <Suspense fallback={null}>
      <Dashboard
        onPresent={() => present(true)}
        onOpenRecording={openRecording}
        replayBar={replayBar}
        problem={replayProblem}
        openingRecording={linkLoading}
      />
    </Suspense>
  );
}

interface Replay {
  player: RecordingPlayer;
  name: string;
  recordedAt: string;
}
