/**
 * Which view a page of the app shows, from its address's query: the web app renders it, and the
 * server sends the page with that view's files preloaded (docs/ARCHITECTURE.md). The presenter view
 * is the dashboard's `#present`, which never reaches the server.
 */
export type PageView = 'speaker-notes' | 'audience' | 'dashboard';

/** The read-only view a class opens on its phones: `/?audience=1`. */
export const AUDIENCE_PARAM = 'audience';
/** The presenter's speaker notes, a second window: `?speaker=1`. */
export const SPEAKER_NOTES_PARAM = 'speaker';
/** The audience page's path and query, on whatever origin serves it. */
export const AUDIENCE_PATH = `/?${AUDIENCE_PARAM}=1`;

export function isAudiencePage(search: string): boolean {
  return new URLSearchParams(search).get(AUDIENCE_PARAM) === '1';
}

export function isSpeakerNotesPage(search: string): boolean {
  return new URLSearchParams(search).has(SPEAKER_NOTES_PARAM);
}

export function pageViewOf(search: string): PageView {
  if (isSpeakerNotesPage(search)) return 'speaker-notes';
  if (isAudiencePage(search)) return 'audience';
  return 'dashboard';
}
