import { createContext } from 'react';

/**
 * True under a panel that may trail the headline numbers and charts by a frame: its `useLive`
 * hooks hear of changes after the next paint (LiveStore's LowPriorityTiming). The dashboard puts
 * its lower panels and knobs under it; the presenter and audience views, whose focused panel is the
 * headline, do not.
 */
export const LowPriorityContext = createContext(false);
