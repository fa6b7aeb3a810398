import { memo } from 'react';

interface StatProps {
  label: string;
  value: string;
  testId?: string;
  unit?: string;
  tone?: 'good' | 'warn' | 'bad' | undefined;
  hint?: string;
}

/** A labelled number inside a <dl>: readable by screen readers and by tests (data-testid). */
export const Stat = memo(function Stat({ label, value, testId, unit, tone, hint }: StatProps) {
  return (
    <div className={`stat${tone ? ` tone-${tone}` : ''}`} title={hint}>
      <dt>{label}</dt>
      <dd>
        <span className="stat-value" data-testid={testId}>
          {value}
        </span>
        {unit ? <span className="stat-unit">{unit}</span> : null}
      </dd>
    </div>
  );
});
