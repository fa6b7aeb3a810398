import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONNECTION_STATES, type ConnectionState } from '@poolscope/shared/vocabulary';
import { STATE_COLORS } from '../../lib/palette';

/** One swatch per connection state in the shared palette, then the view's own extra entries. */
export function StateLegend({
  label,
  swatchClassOf,
  children,
}: {
  label: string;
  swatchClassOf?: (state: ConnectionState) => string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ul className="legend legend-states" aria-label={label}>
      {CONNECTION_STATES.map((state) => (
        <li key={state} className="legend-item">
          <span
            className={`swatch ${swatchClassOf?.(state) ?? ''}`.trim()}
            style={{ background: STATE_COLORS[state] }}
            aria-hidden="true"
          />
          {t(`connectionState.${state}`)}
        </li>
      ))}
      {children}
    </ul>
  );
}
