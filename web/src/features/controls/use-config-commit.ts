import { useCallback } from 'react';
import type { Ack, LabConfig } from '@poolscope/shared/protocol';
import { patchConfig } from '../../lib/commands';
import { liveStore } from '../../lib/live-store';

/** Send one knob through `config:patch`; an accepted config becomes the store's truth at once. */
export function useConfigCommit(scope: 'pool' | 'load') {
  return useCallback(async (name: string, value: unknown): Promise<Ack<LabConfig>> => {
    const ack = await patchConfig({ [scope]: { [name]: value } });
    if (ack.ok) liveStore.setConfig(ack.data);
    return ack;
  }, [scope]);
}
