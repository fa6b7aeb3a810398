import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ClosedConnectionSnapshot, ConnectionSnapshot } from '@poolscope/shared/snapshot';
import { formatMs, formatNumber } from '../../lib/format';
import { STATE_COLORS } from '../../lib/palette';
import { useRovingFocus } from './use-roving-focus';

export type Cell = { kind: 'open'; c: ConnectionSnapshot } | { kind: 'closed'; c: ClosedConnectionSnapshot };

export function describeCell(cell: Cell, t: TFunction): string {
  if (cell.kind === 'open') {
    const { c } = cell;
    return t('map.openCell', {
      id: c.id,
      target: c.targetId,
      state: t(`connectionState.${c.state}`),
      age: formatMs(c.ageMs),
      uses: formatNumber(c.uses),
      idle: formatMs(c.idleMs),
    });
  }
  const { c } = cell;
  return t('map.closedCell', {
    id: c.id,
    target: c.targetId,
    reason: t(`closeReason.${c.reason}`),
    age: formatMs(c.ageMs),
    uses: formatNumber(c.uses),
  });
}

interface CellsProps {
  cells: Cell[];
  label: string;
  onInspect: (text: string | null) => void;
}

/** The cells of one target, one tab stop, arrow keys to move, details on hover or focus. */
export const ConnectionCells = memo(function ConnectionCells({ cells, label, onInspect }: CellsProps) {
  const { t } = useTranslation();
  const { active, setActive, onKeyDown } = useRovingFocus(cells.length);
  return (
    <ul className="cells" aria-label={label} onKeyDown={onKeyDown} onMouseLeave={() => onInspect(null)}>
      {cells.map((cell, i) => {
        const text = describeCell(cell, t);
        const style =
          cell.kind === 'open' ? { background: STATE_COLORS[cell.c.state], borderColor: STATE_COLORS[cell.c.state] } : undefined;
        return (
          <li
            key={`${cell.kind}-${cell.c.id}`}
            data-index={i}
            tabIndex={i === active ? 0 : -1}
            className={`cell cell-${cell.kind === 'open' ? cell.c.state : 'closed'}`}
            style={style}
            aria-label={text}
            onMouseEnter={() => onInspect(text)}
            onFocus={() => {
              setActive(i);
              onInspect(text);
            }}
            onBlur={() => onInspect(null)}
          >
            {cell.kind === 'closed' ? (
              <span className="cell-x" aria-hidden="true">
                ×
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
});
