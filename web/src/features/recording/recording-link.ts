/** `?recording=<url>` opens a recording; its own module so the app checks for it without loading the reader. */
export const RECORDING_PARAM = 'recording';

export function hasRecordingLink(search: string): boolean {
  return new URLSearchParams(search).has(RECORDING_PARAM);
}
