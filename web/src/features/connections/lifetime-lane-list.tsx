import { useTranslation } from 'react-i18next';
import { CONNECTION_STATES } from '@poolscope/shared/vocabulary';
import type { Lifetime } from '../../lib/connection-lifetimes';
import { STATE_COLORS, TROUBLE_REASONS } from '../../lib/palette';
import { describeLifetime, lanePaths } from './lifetime-lanes';
import { useRovingFocus } from './use-roving-focus';

export const LANE_HEIGHT_PX = 12;
/** Bars are drawn in this many units across and stretched to the lane's width by the SVG viewBox. */
const BAR_UNITS = 1000;

interface LaneListProps {
  lanes: readonly Lifetime[];
  label: string;
  from: number;
  to: number;
  onInspect: (text: string | null) => void;
}

/**
 * One target's lanes: a bar per connection from open to close, coloured by the state it was in,
 * and why it closed at the end of the row. One tab stop; arrow keys move between lanes.
 */
export function LifetimeLaneList({ lanes, label, from, to, onInspect }: LaneListProps) {
  const { t } = useTranslation();
  const { active, setActive, onKeyDown } = useRovingFocus(lanes.length);
  const x = (t: number) => ((t - from) / Math.max(1, to - from)) * BAR_UNITS;
  return (
    <ul className="lanes" aria-label={label} onKeyDown={onKeyDown} onMouseLeave={() => onInspect(null)}>
      {lanes.map((life, i) => {
        const text = describeLifetime(life, to, t);
        const paths = lanePaths(life, from, to, BAR_UNITS, LANE_HEIGHT_PX);
        const trouble = life.reason !== null && TROUBLE_REASONS.has(life.reason);
        return (
          <li
            key={life.id}
            data-index={i}
            tabIndex={i === active ? 0 : -1}
            className="lane"
            aria-label={text}
            onMouseEnter={() => onInspect(text)}
            onFocus={() => {
              setActive(i);
              onInspect(text);
            }}
            onBlur={() => onInspect(null)}
          >
            <span className="lane-id" aria-hidden="true">
              #{life.id}
            </span>
            <svg
              viewBox={`0 0 ${BAR_UNITS} ${LANE_HEIGHT_PX}`}
              preserveAspectRatio="none"
              height={LANE_HEIGHT_PX}
              className="lane-bar"
              aria-hidden="true"
            >
              {paths.unseen ? <path className="lane-unseen" d={paths.unseen} /> : null}
              {CONNECTION_STATES.map((state) => (paths[state] ? <path key={state} d={paths[state]} fill={STATE_COLORS[state]} /> : null))}
              {life.closedAt !== null && life.closedAt >= from ? (
                <line
                  className="lane-close"
                  vectorEffect="non-scaling-stroke"
                  x1={x(life.closedAt)}
                  x2={x(life.closedAt)}
                  y1={0}
                  y2={LANE_HEIGHT_PX}
                />
              ) : null}
            </svg>
            <span className={`lane-status${trouble ? ' lane-trouble' : ''}`} aria-hidden="true">
              {life.closedAt === null ? t('lifetimes.open') : life.reason ? t(`closeReason.${life.reason}`) : t('lifetimes.closed')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
