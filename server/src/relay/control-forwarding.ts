import { randomUUID } from 'node:crypto';
import type { Ack } from '@poolscope/shared/protocol';
import type { Lab } from '../lab/lab';
import { LabError } from '../lab/lab-error';
import { AddressBuckets } from '../api/address-buckets';
import type { ControlPolicy } from '../api/control-policy';
import { toApiError } from '../api/error-envelope';
import { isControlEvent, labControls, type ControlEvent } from '../api/lab-controls';
import { CONTROL_BURST, CONTROL_PER_SECOND } from '../api/socket-gateway';
import { REDIS_PREFIX } from './json-parser';
import { noteError, type RedisClient, type RedisLinkStatus } from './redis-link';

/**
 * A control sent to a relay reaches the lab only with the lab's control token: the relay holds no
 * token and decides nothing, it passes the viewer's token along and the lab checks it as it checks
 * its own sockets' (constant time, then the per-address rate). A lab without a token (bound to
 * loopback) takes no forwarded control at all: its own address is the only way to change it.
 */
export const CONTROL_CHANNEL = `${REDIS_PREFIX}:control`;
export const controlReplyChannel = (relayId: string) => `${REDIS_PREFIX}:control-reply:${relayId}`;
/** A forwarded control unanswered for this long is answered LAB_UNREACHABLE (lab down, Redis down or slow). */
export const FORWARD_TIMEOUT_MS = 5000;
/** Larger messages on the control channel are dropped unread (the lab's REST body limit is 64 KB too). */
export const MAX_CONTROL_MESSAGE_BYTES = 64 * 1024;

interface ForwardedControl {
  id: string;
  relayId: string;
  event: ControlEvent;
  payload: unknown;
  token: string | null;
  /** The viewer's address as the relay saw it: the lab's rate limit counts per relay and address. */
  address: string;
}

interface ForwardedReply {
  id: string;
  ack: Ack<unknown>;
}

/**
 * The lab's side: runs controls forwarded by relays, answering each on the relay's reply channel.
 * Not awaited by anyone: the subscription is made whenever Redis is there (the subscriber client
 * keeps its queue and subscribes again after a reconnect); the lab never waits for it.
 */
export function listenForForwardedControls(
  lab: Lab,
  policy: ControlPolicy,
  subscriber: RedisClient,
  publisher: RedisClient,
  status: RedisLinkStatus,
): void {
  const controls = labControls(lab);
  const buckets = new AddressBuckets(CONTROL_BURST, CONTROL_PER_SECOND);
  const answer = (control: ForwardedControl, ack: Ack<unknown>) => {
    const reply: ForwardedReply = { id: control.id, ack };
    publisher.publish(controlReplyChannel(control.relayId), JSON.stringify(reply)).catch((error: unknown) => noteError(status, error));
  };
  subscriber
    .subscribe(CONTROL_CHANNEL, (message: string) => {
      const control = parseForwardedControl(message);
      if (!control) {
        noteError(status, new Error('a message on the control channel that is not a forwarded control'));
        return;
      }
      void runForwarded(control).then((ack) => answer(control, ack));
    })
    .catch((error: unknown) => noteError(status, error));

  async function runForwarded(control: ForwardedControl): Promise<Ack<unknown>> {
    try {
      if (!policy.required)
        throw new LabError('FORBIDDEN', 'this lab has no control token, so it takes controls only on its own address', 403);
      const verdict = policy.check(control.token);
      if (verdict === 'missing') throw new LabError('UNAUTHORIZED', 'this lab needs its control token to change anything', 401);
      if (verdict === 'wrong') throw new LabError('FORBIDDEN', 'wrong control token', 403);
      if (!buckets.take(`${control.relayId} ${control.address}`)) {
        throw new LabError('RATE_LIMITED', `at most ${CONTROL_PER_SECOND} control events per second from one address`, 429);
      }
      return { ok: true, data: await controls[control.event](control.payload) };
    } catch (error) {
      return { ok: false, error: toApiError(error).body };
    }
  }
}

function parseForwardedControl(message: string): ForwardedControl | null {
  if (message.length > MAX_CONTROL_MESSAGE_BYTES) return null;
  try {
    const value = JSON.parse(message) as Partial<ForwardedControl> | null;
    if (!value || typeof value.id !== 'string' || typeof value.relayId !== 'string' || !isControlEvent(value.event)) return null;
    if (value.relayId.length > 64 || value.id.length > 64) return null;
    const token = typeof value.token === 'string' ? value.token : null;
    const address = typeof value.address === 'string' ? value.address.slice(0, 64) : '';
    return { id: value.id, relayId: value.relayId, event: value.event, payload: value.payload, token, address };
  } catch {
    return null;
  }
}

export interface ControlForwarder {
  forward(event: ControlEvent, payload: unknown, token: string, address: string): Promise<Ack<unknown>>;
}

/**
 * The relay's side: publishes a control with the viewer's token and waits for the lab's answer,
 * never longer than FORWARD_TIMEOUT_MS. Give it a connected subscriber (see relay-app.ts on why).
 */
export function controlForwarder(publisher: RedisClient, subscriber: RedisClient, status: RedisLinkStatus): ControlForwarder {
  const relayId = randomUUID();
  const waiting = new Map<string, (ack: Ack<unknown>) => void>();
  subscriber
    .subscribe(controlReplyChannel(relayId), (message: string) => {
      try {
        const reply = JSON.parse(message) as ForwardedReply;
        waiting.get(reply.id)?.(reply.ack);
      } catch (error) {
        noteError(status, error);
      }
    })
    .catch((error: unknown) => noteError(status, error));
  const unreachable = (why: string): Ack<unknown> => ({
    ok: false,
    error: {
      code: 'LAB_UNREACHABLE',
      message: `the control did not reach the lab through Redis (${why}); nothing was changed by it here`,
      details: [],
    },
  });
  return {
    forward(event, payload, token, address) {
      if (!publisher.isReady) return Promise.resolve(unreachable('Redis is not connected'));
      const control: ForwardedControl = { id: randomUUID(), relayId, event, payload, token, address };
      const message = JSON.stringify(control);
      if (message.length > MAX_CONTROL_MESSAGE_BYTES) {
        return Promise.resolve({ ok: false, error: toApiError(new LabError('INVALID_REQUEST', 'control payload too large', 400)).body });
      }
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(unreachable(`no answer within ${FORWARD_TIMEOUT_MS} ms`)), FORWARD_TIMEOUT_MS);
        const settle = (ack: Ack<unknown>) => {
          clearTimeout(timer);
          waiting.delete(control.id);
          resolve(ack);
        };
        waiting.set(control.id, settle);
        publisher.publish(CONTROL_CHANNEL, message).then(
          (receivers) => {
            if (receivers === 0) settle(unreachable('no lab is listening'));
          },
          (error: unknown) => {
            noteError(status, error);
            settle(unreachable('the publish failed'));
          },
        );
      });
    },
  };
}
