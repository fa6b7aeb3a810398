import { memo } from 'react';
import type { ArmSnapshot } from '@poolscope/shared/compare';
import { useLive } from '../../lib/use-live';
import { useCompare } from '../../lib/use-compare';

/** The parts of a snapshot both arms have, which the key numbers read. */
export type ArmNumbers = Pick<ArmSnapshot, 'pool' | 'rates' | 'latency' | 'totals'>;

const ARM_SEPARATOR = '|';

interface ArmStatProps {
  label: string;
  testId: string;
  select: (arm: ArmNumbers) => number | undefined;
  format: (value: number | undefined) => string;
  unit?: string | undefined;
  hint?: string | undefined;
}

/**
 * A key number for both arms while comparing: "A | B", each in its own element (A's keeps the
 * stat's test id, B's adds `-b`), with the arms spelled out for screen readers.
 */
export const ArmStat = memo(function ArmStat({ label, testId, select, format, unit, hint }: ArmStatProps) {
  const a = useLive((s) => (s.view ? select(s.view) : undefined));
  const b = useCompare((s) => (s.view ? select(s.view.b) : undefined));
  return (
    <div className="stat stat-arms" title={hint}>
      <dt>{label}</dt>
      <dd>
        <span className="sr-only">A </span>
        <span className="stat-value" data-testid={testId}>
          {format(a)}
        </span>
        <span className="arm-separator" aria-hidden="true">
          {' '}
          {ARM_SEPARATOR}{' '}
        </span>
        <span className="sr-only">, B </span>
        <span className="stat-value stat-value-b" data-testid={`${testId}-b`}>
          {format(b)}
        </span>
        {unit ? <span className="stat-unit">{unit}</span> : null}
      </dd>
    </div>
  );
});
