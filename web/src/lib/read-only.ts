import { createContext, useContext } from 'react';

/**
 * True inside the audience view: panels leave out their own controls (reclaim, restart, fault
 * switches, add target) so a phone shows what the presenter does and nothing to press. The server
 * refuses audience controls anyway (a relay always; the lab without the token when it needs one).
 */
export const ReadOnlyContext = createContext(false);

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}
