import type { ReactElement, ReactNode } from 'react';
import { render, type queries, type RenderResult } from '@testing-library/react';
import type { CompareStore } from '../lib/compare-store';
import type { LiveStore } from '../lib/live-store';
import { createDashboardStores, StoresProvider, type DashboardStores } from '../lib/store-context';

export type RenderedWithStores = RenderResult & { live: LiveStore; compare: CompareStore };

/**
 * Render `ui` with stores of its own, so no test sees another's snapshots, events or chart turns.
 * The provider wraps `rerender` too. `live` and `compare` are the stores the tree reads: feed them.
 * A test that fills the stores before rendering (or renders twice over the same data) passes its own.
 */
export function renderWithStores(ui: ReactElement, stores: DashboardStores = createDashboardStores()): RenderedWithStores {
  const wrapper = ({ children }: { children: ReactNode }) => <StoresProvider value={stores}>{children}</StoresProvider>;
  return { ...render<typeof queries>(ui, { wrapper }), live: stores.live, compare: stores.compare };
}
