import type { ApiError } from '@poolscope/shared/protocol';

/** One line a user can act on: the server's message plus each detail that adds something. */
export function ackMessage(error: ApiError): string {
  const extra = error.details.map((d) => d.message).filter((m) => m && !error.message.includes(m));
  return [error.message, ...extra].filter(Boolean).join(' — ');
}
