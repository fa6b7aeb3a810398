import { AUDIENCE_STREAM_QUERY_KEY, AUDIENCE_STREAM_QUERY_VALUE } from '@poolscope/shared/audience-stream';
import { isAudiencePage } from '@poolscope/shared/page-views';

/**
 * The audience page's Socket.IO handshake asks for the light stream (docs/API.md "Audience
 * stream"); every other page keeps full snapshots.
 */
export function audienceStreamQuery(search: string): Record<string, string> | undefined {
  return isAudiencePage(search) ? { [AUDIENCE_STREAM_QUERY_KEY]: AUDIENCE_STREAM_QUERY_VALUE } : undefined;
}
