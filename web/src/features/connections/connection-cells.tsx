import { memo } from 'react';
import type { ClosedConnectionSnapshot, ConnectionSnapshot } from '@poolscope/shared/snapshot';
import { formatMs, formatNumber } from '../../lib/format';
import { STATE_COLORS } from '../../lib/palette';
import { useRovingFocus } from './use-roving-focus';

export type Cell =
  | { kind: 'open'; c: ConnectionSnapshot }
  | { kind: 'closed'; c: ClosedConnectionSnapshot };

export function describeCell(cell: Cell): string {
  if (cell.kind === 'open') {
    const { c } = cell;
    return `Connection #${c.id} on ${c.targetId}: ${c.state}, age ${formatMs(c.ageMs)}, ${formatNumber(c.uses)} uses, idle ${formatMs(c.idleMs)}`;
  }
  const { c } = cell;
  return `Connection #${c.id} on ${c.targetId}: closed (${c.reason}) after ${formatMs(c.ageMs)} and ${formatNumber(c.uses)} uses`;
}

interface CellsProps {
  cells: Cell[];
  label: string;
  onInspect: (text: string | null) => void;
}

/** The cells of one target, one tab stop, arrow keys to move, details on hover or focus. */
export const ConnectionCells = memo(function ConnectionCells({ cells, label, onInspect }: CellsProps) {
  const { active, setActive, onKeyDown } = useRovingFocus(cells.length);
  return (
    <ul className="cells" aria-label={label} onKeyDown={onKeyDown} onMouseLeave={() => onInspect(null)}>
      {cells.map((cell, i) => {
        const text = describeCell(cell);
        const style = cell.kind === 'open' ? { background: STATE_COLORS[cell.c.state], borderColor: STATE_COLORS[cell.c.state] } : undefined;
        return (
          <li
            key={`${cell.kind}-${cell.c.id}`}
            data-index={i}
            tabIndex={i === active ? 0 : -1}
            className={`cell cell-${cell.kind === 'open' ? cell.c.state : 'closed'}`}
            style={style}
            aria-label={text}
            onMouseEnter={() => onInspect(text)}
            onFocus={() => { setActive(i); onInspect(text); }}
            onBlur={() => onInspect(null)}
          >
            {cell.kind === 'closed' ? <span className="cell-x" aria-hidden="true">×</span> : null}
          </li>
        );
      })}
    </ul>
  );
});
