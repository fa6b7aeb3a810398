import { Suspense, type ReactNode } from 'react';
import { useNumbersShown } from '../lib/numbers-first';

/**
 * Renders a lazy part (under its own Suspense) only once the page's first live numbers are
 * painted, and the placeholder until then: its chunk is neither fetched nor run before them.
 */
export function AfterNumbers({ children, placeholder = null }: { children: ReactNode; placeholder?: ReactNode }) {
  const shown = useNumbersShown();
  return shown ? <Suspense fallback={placeholder}>{children}</Suspense> : placeholder;
}
