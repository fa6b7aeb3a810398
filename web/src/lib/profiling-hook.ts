import type { DashboardStores } from './store-context';

declare global {
  interface Window {
    __poolscopeStore?: DashboardStores['live'];
    __poolscopeCompareStore?: DashboardStores['compare'];
  }
}

/**
 * Only in `vite build --mode profiling` (e2e/scripts/profile-full-window.mjs): hand the stores
 * to the profiler so it can seed a full 15-minute history (both arms while comparing) instead
 * of waiting 15 minutes. The production build drops this (the mode check is a compile-time constant).
 */
export function exposeStoreForProfiling(stores: DashboardStores): void {
  window.__poolscopeStore = stores.live;
  window.__poolscopeCompareStore = stores.compare;
}
