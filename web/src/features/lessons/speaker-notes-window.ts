import { SPEAKER_NOTES_PARAM, isSpeakerNotesPage } from '@poolscope/shared/page-views';

/** The speaker-notes view is the same app opened with `?speaker`; it follows the lab's lesson state like any dashboard. */
export const isSpeakerNotesView = isSpeakerNotesPage;

export function openSpeakerNotes(): void {
  const url = new URL(window.location.href);
  url.searchParams.set(SPEAKER_NOTES_PARAM, '1');
  url.hash = '';
  window.open(url.toString(), 'poolscope-speaker-notes', 'popup,width=960,height=720');
}
