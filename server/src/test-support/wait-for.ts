export interface WaitOptions {
  /** A generous deadline: the machine may be busy, and the condition is what the test asserts, not the time. */
  timeoutMs?: number;
  /** What is awaited, for the failure message. */
  what?: string;
}

/** Polls `condition` until it holds; fails naming `what` after `timeoutMs`. The one wait of the server's tests. */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleepMs(5);
  }
}

export const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
