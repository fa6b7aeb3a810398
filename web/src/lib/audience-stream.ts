import { AUDIENCE_STREAM_QUERY_KEY, AUDIENCE_STREAM_QUERY_VALUE } from '@poolscope/shared/audience-stream';

/**
 * The audience page's Socket.IO handshake asks for the light stream (docs/API.md "Audience
 * stream"); every other page keeps full snapshots. `?audience=1` is the audience page
 * (features/share/audience-link.ts, which lib code may not import).
 */
export function audienceStreamQuery(search: string): Record<string, string> | undefined {
  return new URLSearchParams(search).get('audience') === '1' ? { [AUDIENCE_STREAM_QUERY_KEY]: AUDIENCE_STREAM_QUERY_VALUE } : undefined;
}
