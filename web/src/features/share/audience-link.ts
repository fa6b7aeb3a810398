import { AUDIENCE_PATH, isAudiencePage } from '@poolscope/shared/page-views';

/** The read-only view a class opens on its phones: the same page, told to follow and offer no controls. */
export const isAudienceView = isAudiencePage;

/** This lab's audience link, on whatever address the presenter reached it by (a LAN address works for phones). */
export function audienceUrl(location: Pick<Location, 'origin'>): string {
  return `${location.origin}${AUDIENCE_PATH}`;
}
