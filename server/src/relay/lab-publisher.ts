import { Emitter } from '@socket.io/redis-emitter';
import type { LabEvent } from '@poolscope/shared/events';
import type { ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { Lab } from '../lab/lab';
import { AUDIENCE_ROOM } from '../api/audience-encoder';
import { jsonParser, REDIS_PREFIX, VIEWERS_EVERY_MS, VIEWERS_KEY_PREFIX } from './json-parser';
import { StoredHistoryWriter } from './stored-history';
import { listenForForwardedControls } from './control-forwarding';
import type { ControlPolicy } from '../api/control-policy';
import { closeRedisClient, newRedisLinkStatus, noteError, openRedisClient, type RedisLinkStatus } from './redis-link';

/** Publishes beyond this many unanswered ones are skipped: a slow Redis costs frames, never the lab's memory. */
export const MAX_PUBLISHES_IN_FLIGHT = 32;
/** How often the lab appends its newest history samples for relays' new viewers (the history keeps one a second). */
export const HISTORY_EVERY_MS = 1000;

export interface LabPublisher {
  status: RedisLinkStatus;
  close(): Promise<void>;
}

/**
 * The lab's side of the relays: every tick goes out through @socket.io/redis-emitter (the classic
 * redis-adapter's message format, so relays running that adapter re-broadcast it to their own
 * viewers). Fire and forget: the emitter PUBLISHes without awaiting; the client under it has no
 * offline queue, and we skip a publish while Redis is down or MAX_PUBLISHES_IN_FLIGHT are
 * unanswered, so neither the sampler nor the lab's own viewers ever wait on Redis.
 */
export function startLabPublisher(lab: Lab, redisUrl: string, policy: ControlPolicy): LabPublisher {
  const status = newRedisLinkStatus();
  const client = openRedisClient(redisUrl, status);
  // Controls relays forward with the viewer's token. Subscribed once, on a connected client: node-redis
  // replays subscriptions on every reconnect, and one queued before the first connect would be sent twice.
  const subscriber = openRedisClient(redisUrl, status, { offlineQueue: true });
  const listen = () => listenForForwardedControls(lab, policy, subscriber, client, status);
  if (subscriber.isReady) listen();
  else subscriber.once('ready', listen);
  let inFlight = 0;
  /** Sends unless Redis is away or too slow; false when skipped, and `onFailure` runs when a sent command fails. */
  const send = (run: () => Promise<unknown>, onFailure?: () => void): boolean => {
    if (!client.isReady || inFlight >= MAX_PUBLISHES_IN_FLIGHT) {
      status.dropped += 1;
      return false;
    }
    inFlight += 1;
    status.published += 1;
    run()
      .catch((error: unknown) => {
        noteError(status, error);
        onFailure?.();
      })
      .finally(() => {
        inFlight -= 1;
      });
    return true;
  };
  // The emitter calls publish() and drops the promise; this guard counts a failure instead of letting it escape unhandled.
  const guarded = {
    publish: (channel: string, message: string) => {
      send(() => client.publish(channel, message));
    },
  };
  const emitter = new Emitter<ServerToClientEvents>(guarded, { key: REDIS_PREFIX, parser: jsonParser() });
  const unsubscribe = lab.onTick((snapshot: Snapshot, events: LabEvent[]) => {
    // A relay's audience viewers get the light stream its own encoder makes from this (relay-gateway.ts), not the full one.
    emitter.except(AUDIENCE_ROOM).volatile.emit('snapshot', snapshot);
    // Not volatile: on a relay it arrives right behind the snapshot, when a volatile emit would find the transport busy and drop it.
    if (events.length > 0) emitter.emit('events', events);
  });
  const historyWriter = new StoredHistoryWriter();
  const forgetHistory = () => historyWriter.forget();
  const storeHistory = () => {
    const write = historyWriter.nextWrite(client, lab.history());
    if (write && !send(write, forgetHistory)) forgetHistory();
  };
  const timer = setInterval(storeHistory, HISTORY_EVERY_MS);
  timer.unref();
  // The relays' viewer counts, summed for the presenter; read off the tick path, never awaited by it.
  const countRelayViewers = () =>
    send(async () => {
      const keys = await client.keys(`${VIEWERS_KEY_PREFIX}*`);
      const counts = keys.length > 0 ? await client.mGet(keys) : [];
      lab.setRelayViewerCount(counts.reduce((sum, count) => sum + (Number(count) || 0), 0));
    });
  const viewersTimer = setInterval(countRelayViewers, VIEWERS_EVERY_MS);
  viewersTimer.unref();
  // A restarted Redis has lost the list: write it whole again.
  client.on('ready', () => {
    forgetHistory();
    storeHistory();
  });
  return {
    status,
    close: async () => {
      unsubscribe();
      clearInterval(timer);
      clearInterval(viewersTimer);
      await closeRedisClient(subscriber);
      await closeRedisClient(client);
    },
  };
}
