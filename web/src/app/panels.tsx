import type { ReactNode } from 'react';
import type { LessonPanel } from '@poolscope/shared/lesson-schema';
import { PoolStatePanel } from '../features/charts/pool-state-panel';
import { WaitPanel } from '../features/charts/wait-panel';
import { TrafficPanel } from '../features/charts/traffic-panel';
import { lazyPart } from '../lib/lazy-part';
import { AfterNumbers } from '../components/after-numbers';

const lower = () => import('./lower-panels');
const HealthPanel = lazyPart(() => lower().then((m) => m.HealthPanel));
const LittlesLawPanel = lazyPart(() => lower().then((m) => m.LittlesLawPanel));
const ConnectionMap = lazyPart(() => lower().then((m) => m.ConnectionMap));
const ConnectionLifetimesPanel = lazyPart(() => lower().then((m) => m.ConnectionLifetimesPanel));
const TargetsPanel = lazyPart(() => lower().then((m) => m.TargetsPanel));
const EventLog = lazyPart(() => lower().then((m) => m.EventLog));

const fetched = (node: ReactNode) => <AfterNumbers>{node}</AfterNumbers>;

/**
 * Every panel a lesson step can focus, by the id the lesson names. The headline charts are at
 * hand; the lower panels' chunk is fetched when a step first focuses one of them (after the first
 * live numbers are painted).
 */
export const PANELS: Record<LessonPanel, () => ReactNode> = {
  'pool-state': () => <PoolStatePanel />,
  'wait-times': () => <WaitPanel />,
  throughput: () => <TrafficPanel />,
  health: () => fetched(<HealthPanel />),
  'littles-law': () => fetched(<LittlesLawPanel />),
  'connection-map': () => fetched(<ConnectionMap />),
  'connection-lifetimes': () => fetched(<ConnectionLifetimesPanel />),
  targets: () => fetched(<TargetsPanel />),
  events: () => fetched(<EventLog />),
};
