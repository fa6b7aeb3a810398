import { useEffect, useState } from 'react';

const HOLD_MS = 2000;

/**
 * Keep a value the user just sent on screen until the server's own value catches up (the
 * next snapshot) or two seconds pass, so an accepted toggle does not flick back for a frame.
 */
export function useHeldValue<T>(serverValue: T) {
  const [held, setHeld] = useState<{ value: T } | null>(null);
  useEffect(() => {
    if (held && Object.is(held.value, serverValue)) setHeld(null);
  }, [serverValue, held]);
  useEffect(() => {
    if (!held) return undefined;
    const timer = setTimeout(() => setHeld(null), HOLD_MS);
    return () => clearTimeout(timer);
  }, [held]);
  return {
    shown: held ? held.value : serverValue,
    hold: (value: T) => setHeld({ value }),
    release: () => setHeld(null),
  };
}
