import type { TFunction } from 'i18next';
import type { ConnectionState } from '@poolscope/shared/vocabulary';
import type { Lifetime } from '../../lib/connection-lifetimes';
import { formatClock, formatMs, formatNumber } from '../../lib/format';

/** More lanes than this stop being readable; the newest connections win. */
export const MAX_LANES = 36;

export interface LaneGroup {
  targetId: string;
  lanes: Lifetime[];
}

/** The newest `max` lifetimes, grouped by target (targets in name order), oldest connection on top. */
export function groupLanes(newestFirst: readonly Lifetime[], max = MAX_LANES): LaneGroup[] {
  const byTarget = new Map<string, Lifetime[]>();
  for (const life of newestFirst.slice(0, max)) byTarget.set(life.targetId, [...(byTarget.get(life.targetId) ?? []), life]);
  return [...byTarget.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([targetId, lanes]) => ({ targetId, lanes: lanes.sort((a, b) => a.openedAt - b.openedAt || a.id - b.id) }));
}

const r = (n: number) => Math.round(n * 10) / 10;

/** Open but not yet sampled by this page: before it opened, or shorter than a tick. */
export type LanePart = ConnectionState | 'unseen';

/**
 * One SVG path per state: a rectangle for each run, clipped to [from, to] across `widthPx`;
 * the stretch between the open time and the first sample is 'unseen'.
 */
export function lanePaths(life: Lifetime, from: number, to: number, widthPx: number, heightPx: number): Partial<Record<LanePart, string>> {
  const k = widthPx / Math.max(1, to - from);
  const paths: Partial<Record<LanePart, string>> = {};
  const add = (part: LanePart, start: number, end: number) => {
    const x0 = r(Math.max(0, (start - from) * k));
    const x1 = r(Math.min(widthPx, (end - from) * k));
    if (x1 > x0) paths[part] = `${paths[part] ?? ''}M${x0},0h${r(x1 - x0)}v${heightPx}h${r(x0 - x1)}z`;
  };
  const firstSeen = life.runs[0]?.from ?? life.closedAt ?? to;
  add('unseen', life.openedAt, firstSeen);
  for (const run of life.runs) add(run.state, run.from, run.to);
  return paths;
}

/** Share of the sampled time in each state, largest first: "active 40 %, idle 60 %". */
export function stateShares(life: Lifetime, t: TFunction): string {
  const totals = new Map<ConnectionState, number>();
  for (const run of life.runs) totals.set(run.state, (totals.get(run.state) ?? 0) + (run.to - run.from));
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  if (all <= 0) return t('lifetimes.noStateYet');
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([state, ms]) => t('lifetimes.share', { state: t(`connectionState.${state}`), percent: Math.round((100 * ms) / all) }))
    .join(t('markers.separator'));
}

/** The lane in words, for hover, focus and screen readers. */
export function describeLifetime(life: Lifetime, now: number, t: TFunction): string {
  const head = t('lifetimes.head', { id: life.id, target: life.targetId, opened: formatClock(life.openedAt) });
  const uses = formatNumber(life.uses);
  const end =
    life.closedAt === null
      ? t('lifetimes.openFor', { age: formatMs(now - life.openedAt), uses })
      : t('lifetimes.closedAt', {
          reason: life.reason ? t(`closeReason.${life.reason}`) : t('lifetimes.reasonUnknown'),
          closed: formatClock(life.closedAt),
          age: formatMs(life.closedAt - life.openedAt),
          uses,
        });
  return t('lifetimes.line', { head, end, shares: stateShares(life, t) });
}
