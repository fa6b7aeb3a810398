import { Suspense, useCallback, useState, type ReactNode } from 'react';
import { AfterNumbers } from '../components/after-numbers';
import { useMarkNumbersShown } from '../lib/numbers-first';
import { useTranslation } from 'react-i18next';
import type { Recording } from '@poolscope/shared/recording';
import { KpiStrip } from '../features/overview/kpi-strip';
import { RunningScenarioLine, ScenarioBar } from '../features/scenarios/scenario-bar';
import { CompareBar } from '../features/compare/compare-bar';
import { ShareBanner } from '../features/share/share-banner';
import { TokenPrompt } from '../features/status/token-prompt';
import { PoolStatePanel } from '../features/charts/pool-state-panel';
import { WaitPanel } from '../features/charts/wait-panel';
import { TrafficPanel } from '../features/charts/traffic-panel';
import { LessonBar, LessonStepLine } from '../features/lessons/lesson-bar';
import { useScenarios } from '../features/scenarios/use-scenarios';
import { useLessons } from '../features/lessons/use-lessons';
import { useFocusPanel } from '../lib/use-focus-panel';
import { useCoveredAtTop } from '../lib/covered-at-top';
import { ReadOnlyContext } from '../lib/read-only';
import { LowPriorityContext } from '../lib/low-priority';
import { useLive } from '../lib/use-live';
import { useCompare } from '../lib/use-compare';
import { lazyPart } from '../lib/lazy-part';
import { AppHeader } from './app-header';

/** Drawn only while comparing: its chunk is fetched when a comparison first shows a table. */
const CompareTablePanel = lazyPart(() => import('../features/compare/compare-table').then((m) => m.CompareTablePanel));
/** Below the headline charts: fetched once the first live numbers are painted, so they come first. */
const LowerPanels = lazyPart(() => import('./lower-panels').then((m) => m.LowerPanels));
/** The knobs (sliders, switches, selects and their help) follow the first numbers too. */
const ControlsPanel = lazyPart(() => import('../features/controls/controls-panel').then((m) => m.ControlsPanel));

/** Every panel at once; while a lesson runs, its focused panel is scrolled to and marked. */
export function Dashboard({
  onPresent,
  onOpenRecording,
  replayBar,
  problem,
  openingRecording = false,
}: {
  onPresent: () => void;
  onOpenRecording: (recording: Recording, name: string) => void;
  replayBar: ReactNode;
  problem: string | null;
  /** A recording link's file is being fetched and read: the page will show it, not the lab. */
  openingRecording?: boolean;
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
  useMarkNumbersShown();
  useCoveredAtTop();
  const [lowerShown, setLowerShown] = useState(false);
  const showLower = useCallback(() => setLowerShown(true), []);
  // A step focusing a lower panel before its chunk is in scrolls to it once it is on the page.
  useFocusPanel(focus?.panel ?? null, focusKey === null ? null : `${focusKey}${lowerShown ? '' : ':pending'}`);
  const { t } = useTranslation();
  // A recording played back shows what was: the panels leave out controls that would act on the live
  // lab, and the bars that only pick what the lab runs are not shown.
  const replaying = replayBar !== null || openingRecording;
  return (
    <ReadOnlyContext.Provider value={replaying}>
      <div className={replaying ? 'app replaying' : 'app'}>
        <a className="skip-link" href="#controls">
          {t('app.skipToControls')}
        </a>
        <div className="sticky-top">
          <AppHeader onOpenRecording={onOpenRecording} replaying={replayBar === null && openingRecording ? 'opening' : replaying} />
          {replaying ? null : (
            <>
              <LessonStepLine />
              <RunningScenarioLine />
            </>
          )}
        </div>
        {/* While a recording plays, its bar is what stays at the top, with the recorded lesson step under it. */}
        {replaying ? (
          <div className="replay-top">
            {replayBar}
            <LessonStepLine />
          </div>
        ) : null}
        {problem ? (
          <p className="banner banner-warn" role="alert">
            {problem}
          </p>
        ) : null}
        {replaying ? null : <TokenPrompt />}
        <ShareBanner />
        <LessonBar onPresent={onPresent} />
        {replaying ? null : <ScenarioBar />}
        <CompareBar />
        <KpiStrip />
        <div className="layout">
          <main className="main">
            {/* After the numbers' first paint: the first render is then the headline and the bars above
                it, which a slowed phone draws sooner (docs/BENCHMARKS.md, "First live number, session 11"). */}
            <AfterNumbers>
              <div className="compare-top">
                <CompareTable />
                <PoolStatePanel />
              </div>
              <WaitPanel />
              <TrafficPanel />
            </AfterNumbers>
            <LowPriorityContext.Provider value={true}>
              <AfterNumbers>
                <LowerPanels onShown={showLower} />
              </AfterNumbers>
            </LowPriorityContext.Provider>
          </main>
          <aside className="sidebar" aria-label={t('app.controls')}>
            <LowPriorityContext.Provider value={true}>
              <AfterNumbers>
                <ControlsPanel />
              </AfterNumbers>
            </LowPriorityContext.Provider>
          </aside>
        </div>
      </div>
    </ReadOnlyContext.Provider>
  );
}

/** The comparison's table: its chunk is fetched when a comparison first shows one. */
function CompareTable() {
  const comparing = useCompare((s) => s.summary !== null);
  return comparing ? (
    <Suspense fallback={null}>
      <CompareTablePanel />
    </Suspense>
  ) : null;
}
