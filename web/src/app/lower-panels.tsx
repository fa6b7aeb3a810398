import { useEffect } from 'react';
import { HealthPanel } from '../features/health/health-panel';
import { LittlesLawPanel } from '../features/littles-law/littles-law-panel';
import { ConnectionMap } from '../features/connections/connection-map';
import { ConnectionLifetimesPanel } from '../features/connections/connection-lifetimes-panel';
import { TargetsPanel } from '../features/targets/targets-panel';
import { EventLog } from '../features/events/event-log';

// One chunk for the panels below the headline charts, fetched after the first snapshot
// (dashboard.tsx) or when a lesson step focuses one of them (panels.tsx).
export { HealthPanel, LittlesLawPanel, ConnectionMap, ConnectionLifetimesPanel, TargetsPanel, EventLog };

/** The dashboard's lower panels in their order; `onShown` tells it they are on the page to scroll to. */
export function LowerPanels({ onShown }: { onShown: () => void }) {
  useEffect(onShown, [onShown]);
  return (
    <>
      <HealthPanel />
      <div className="two-up">
        <LittlesLawPanel />
        <ConnectionMap />
      </div>
      <ConnectionLifetimesPanel />
      <TargetsPanel />
      <EventLog />
    </>
  );
}
