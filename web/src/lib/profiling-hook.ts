import { compareStore } from './compare-store';
import { liveStore } from './live-store';

declare global {
  interface Window {
    __poolscopeStore?: typeof liveStore;
    __poolscopeCompareStore?: typeof compareStore;
  }
}

/**
 * Only in `vite build --mode profiling` (e2e/scripts/profile-full-window.mjs): hand the stores
 * to the profiler so it can seed a full 15-minute history (both arms while comparing) instead
 * of waiting 15 minutes. The production build drops this (the mode check is a compile-time constant).
 */
export function exposeStoreForProfiling(): void {
  window.__poolscopeStore = liveStore;
  window.__poolscopeCompareStore = compareStore;
}
