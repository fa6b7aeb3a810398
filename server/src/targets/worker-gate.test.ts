import { describe, expect, it } from 'vitest';
import { WorkerGate, type GateWaiter } from './worker-gate';

function waiter(log: string[], name: string): GateWaiter {
  return { onAdmitted: () => log.push(name) };
}

describe('WorkerGate', () => {
  it('admits up to the limit and queues the rest in arrival order', () => {
    const log: string[] = [];
    const gate = new WorkerGate(1);
    expect(gate.enter(waiter(log, 'a'))).toBe(true);
    expect(gate.enter(waiter(log, 'b'))).toBe(false);
    expect(gate.enter(waiter(log, 'c'))).toBe(false);
    expect(gate.waiting).toBe(2);
    gate.leave();
    expect(log).toEqual(['b']);
    gate.leave();
    expect(log).toEqual(['b', 'c']);
    expect(gate.inService).toBe(1);
  });

  it('treats a limit of 0 as unlimited', () => {
    const gate = new WorkerGate(0);
    for (let i = 0; i < 100; i += 1) expect(gate.enter(waiter([], 'x'))).toBe(true);
    expect(gate.inService).toBe(100);
  });

  it('admits waiters at once when the limit grows and holds them when it shrinks', () => {
    const log: string[] = [];
    const gate = new WorkerGate(1);
    gate.enter(waiter(log, 'a'));
    gate.enter(waiter(log, 'b'));
    gate.enter(waiter(log, 'c'));
    gate.setLimit(3);
    expect(log).toEqual(['b', 'c']);
    gate.setLimit(1);
    const d = waiter(log, 'd');
    expect(gate.enter(d)).toBe(false);
    gate.leave();
    gate.leave();
    expect(log).toEqual(['b', 'c']);
    gate.leave();
    expect(log).toEqual(['b', 'c', 'd']);
  });

  it('forgets a cancelled waiter', () => {
    const log: string[] = [];
    const gate = new WorkerGate(1);
    gate.enter(waiter(log, 'a'));
    const b = waiter(log, 'b');
    gate.enter(b);
    gate.cancel(b);
    gate.leave();
    expect(log).toEqual([]);
    expect(gate.inService).toBe(0);
  });
});
