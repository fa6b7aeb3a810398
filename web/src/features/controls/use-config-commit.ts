import { useCallback } from 'react';
import type { Arm } from '@poolscope/shared/compare';
import type { Ack } from '@poolscope/shared/protocol';
import { patchCompare, patchConfig } from '../../lib/commands';
import { compareStore } from '../../lib/compare-store';
import { liveStore } from '../../lib/live-store';

/**
 * Send one knob through `config:patch` (arm A, the lab) or `compare:patch` (arm B); an
 * accepted config becomes the store's truth at once.
 */
export function useConfigCommit(scope: 'pool' | 'load', arm: Arm = 'a') {
  return useCallback(async (name: string, value: unknown): Promise<Ack<unknown>> => {
    const patch = { [scope]: { [name]: value } };
    if (arm === 'b') {
      const ack = await patchCompare(patch);
      if (ack.ok) compareStore.setState(ack.data);
      return ack;
    }
    const ack = await patchConfig(patch);
    if (ack.ok) liveStore.setConfig(ack.data);
    return ack;
  }, [scope, arm]);
}
