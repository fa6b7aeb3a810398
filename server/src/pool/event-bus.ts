import type { PoolEvent } from './types';

export type PoolEventListener = (event: PoolEvent) => void;

/**
 * Listeners for pool events. Callers check `listening` before building an event object, so
 * an unobserved pool allocates nothing. A throwing listener must not corrupt pool state
 * mid-transition, so its error is rethrown on a later microtask instead.
 */
export class EventBus {
  private listeners: PoolEventListener[] = [];

  constructor(private readonly enabled: boolean) {}

  get listening(): boolean {
    return this.enabled && this.listeners.length > 0;
  }

  on(listener: PoolEventListener): void {
    this.listeners = [...this.listeners, listener];
  }

  off(listener: PoolEventListener): void {
    this.listeners = this.listeners.filter((l) => l !== listener);
  }

  emit(event: PoolEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
