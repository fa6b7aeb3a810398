import { describe, expect, it } from 'vitest';
import { FALLBACK_FD_LIMIT, readFdSoftLimit, RESERVED_FDS, socketBudgetFor } from '../../src/lab/socket-budget';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            20000                524288               files
Max locked memory         8388608              8388608              bytes
`;

describe('socket budget from the fd limit', () => {
  it('reads the soft "Max open files" limit from /proc/self/limits text', () => {
    expect(readFdSoftLimit(() => LIMITS)).toBe(20000);
    expect(readFdSoftLimit(() => LIMITS.replace('20000 ', 'unlimited'))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('falls back to a safe constant when /proc is missing or says nothing usable', () => {
    expect(
      readFdSoftLimit(() => {
        throw new Error('ENOENT');
      }),
    ).toBe(FALLBACK_FD_LIMIT);
    expect(readFdSoftLimit(() => 'Max cpu time unlimited')).toBe(FALLBACK_FD_LIMIT);
    expect(readFdSoftLimit(() => 'Max open files   many   many   files')).toBe(FALLBACK_FD_LIMIT);
  });

  it('reads this process (Linux) as a positive integer', () => {
    expect(Number.isInteger(readFdSoftLimit())).toBe(true);
    expect(readFdSoftLimit()).toBeGreaterThan(0);
  });

  it('keeps the reserve for the HTTP side and counts two descriptors per pooled connection', () => {
    expect(socketBudgetFor(1024)).toBe((1024 - RESERVED_FDS) / 2);
    expect(socketBudgetFor(20000)).toBe(Math.floor((20000 - RESERVED_FDS) / 2));
    expect(socketBudgetFor(100)).toBe(1);
  });
});
