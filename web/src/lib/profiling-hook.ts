import type { LiveStore } from './live-store';

declare global {
  interface Window { __poolscopeStore?: LiveStore }
}

/**
 * Only in `vite build --mode profiling` (e2e/scripts/profile-full-window.mjs): hand the store
 * to the profiler so it can seed a full 15-minute history instead of waiting 15 minutes.
 * The production build drops this (the mode check is a compile-time constant).
 */
export function exposeStoreForProfiling(liveStore: LiveStore): void {
  window.__poolscopeStore = liveStore;
}
