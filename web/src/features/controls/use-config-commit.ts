import { useCallback } from 'react';
import type { Arm } from '@poolscope/shared/compare';
import type { Ack } from '@poolscope/shared/protocol';
import { patchCompare, patchConfig } from '../../lib/commands';
import { useCompareStore, useLiveStore } from '../../lib/store-context';

/**
 * Send one knob through `config:patch` (arm A, the lab) or `compare:patch` (arm B); an
 * accepted config becomes the store's truth at once.
 */
export function useConfigCommit(scope: 'pool' | 'load', arm: Arm = 'a') {
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  return useCallback(
    async (name: string, value: unknown): Promise<Ack<unknown>> => {
      const patch = { [scope]: { [name]: value } };
      if (arm === 'b') {
        const ack = await patchCompare(patch);
        if (ack.ok) compareStore.setState(ack.data);
        return ack;
      }
      const ack = await patchConfig(patch);
      if (ack.ok) liveStore.setConfig(ack.data);
      return ack;
    },
    [scope, arm, liveStore, compareStore],
  );
}
