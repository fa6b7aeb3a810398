import { isSpeakerNotesView } from '../features/lessons/speaker-notes-window';
import { isAudienceView } from '../features/share/audience-link';

export const PRESENT_HASH = '#present';

export type View = 'speaker-notes' | 'audience' | 'presenter' | 'dashboard';

/** The view a page shows, from its address (and, once open, whether the presenter view is on). */
export function viewOf(location: { search: string; hash: string }, presenting = location.hash === PRESENT_HASH): View {
  if (isSpeakerNotesView(location.search)) return 'speaker-notes';
  if (isAudienceView(location.search)) return 'audience';
  return presenting ? 'presenter' : 'dashboard';
}

/** Each view is a chunk of its own: a phone opening the audience page fetches neither the dashboard's controls nor the presenter's overlay. */
export const VIEW_CHUNKS = {
  'speaker-notes': () => import('../features/lessons/speaker-notes'),
  audience: () => import('./audience'),
  presenter: () => import('./presenter'),
  dashboard: () => import('./dashboard'),
} as const;
