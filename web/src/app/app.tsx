import { useEffect } from 'react';
import { connectLive } from '../lib/live-connection';
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
import { AppHeader } from './app-header';

export function App({ live = true }: { live?: boolean }) {
  useEffect(() => (live ? connectLive() : undefined), [live]);
  return (
    <div className="app">
      <a className="skip-link" href="#controls">Skip to controls</a>
      <AppHeader />
      <TokenPrompt />
      <ShareBanner />
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
        <aside className="sidebar" aria-label="Controls">
          <ControlsPanel />
        </aside>
      </div>
    </div>
  );
}
