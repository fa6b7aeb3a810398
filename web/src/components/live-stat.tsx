import { memo } from 'react';
import type { LiveStore } from '../lib/live-store';
import { useLive } from '../lib/use-live';
import { Stat } from './stat';

interface LiveStatProps {
  label: string;
  testId: string;
  select: (store: LiveStore) => number | undefined;
  format: (value: number | undefined) => string;
  unit?: string;
  toneFor?: (value: number) => 'good' | 'warn' | 'bad' | undefined;
  hint?: string;
}

/** A Stat bound to one number of the live view; re-renders only when that number changes. */
export const LiveStat = memo(function LiveStat({ label, testId, select, format, unit, toneFor, hint }: LiveStatProps) {
  const value = useLive(select);
  return (
    <Stat
      label={label}
      value={format(value)}
      testId={testId}
      tone={value === undefined ? undefined : toneFor?.(value)}
      {...(unit ? { unit } : {})}
      {...(hint ? { hint } : {})}
    />
  );
});
