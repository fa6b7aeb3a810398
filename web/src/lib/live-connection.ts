import type { Snapshot } from '@poolscope/shared/snapshot';
import type { AudienceFrame } from '@poolscope/shared/audience-stream';
import { audienceStreamQuery } from './audience-stream';
import type { AudienceDecoder } from './audience-decoder';
import { socket } from './socket';
import { streamTaps } from './stream-taps';
import type { DashboardStores } from './store-context';

/** The connection main.tsx opened before React's first render, until the app takes it over. */
let openedEarly: { stores: DashboardStores; disconnect: () => void } | null = null;

/**
 * main.tsx opens the socket before React renders: the WebSocket handshake and the lab's first
 * snapshot then travel while React and the view evaluate and mount (most of a second on a slow
 * phone) instead of after. The stores hold what arrives; the view reads it when it mounts.
 */
export function connectLiveEarly(stores: DashboardStores): void {
  openedEarly ??= { stores, disconnect: openConnection(stores) };
}

/**
 * Wire the one socket to the app's stores (or take over the connection main.tsx opened early for the
 * same stores). Returns a function that undoes it (for tests and HMR).
 */
export function connectLive(stores: DashboardStores): () => void {
  if (openedEarly?.stores === stores) {
    const { disconnect } = openedEarly;
    openedEarly = null;
    return disconnect;
  }
  return openConnection(stores);
}

function openConnection({ live: liveStore, compare: compareStore }: DashboardStores): () => void {
  const askHistory = () =>
    socket.emit('history:get', {}, (ack) => {
      if (ack.ok) {
        compareStore.ingestHistory(ack.data);
        liveStore.ingestHistory(ack.data);
      }
    });
  let historyWaits: (() => void) | null = null;
  /** The newest snapshot this connection has brought (a new connection may be a new lab, counting from 0). */
  let latestSeq = Number.NEGATIVE_INFINITY;
  const onConnect = () => {
    latestSeq = Number.NEGATIVE_INFINITY;
    liveStore.setStatus('live');
    // Ask on every connect: a reconnect fills the gap the disconnect left in the charts. On the
    // first, once the first numbers are painted: a lab that has run for a while answers up to
    // ~2 MB of JSON, which a phone would otherwise parse and ingest before drawing them.
    historyWaits?.();
    historyWaits = liveStore.whenNumbersShown(askHistory);
  };
  const onDisconnect = () => liveStore.setStatus('offline');
  const onError = (err: Error) => {
    liveStore.setStatus('offline');
    if (/unauthori[sz]ed|forbidden|token/i.test(err.message)) liveStore.setNeedsToken(true);
  };
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onError);
  // B first: A's snapshot moves the chart turn, and the chart whose turn it is reads both arms.
  const onSnapshot = (s: Snapshot) => {
    latestSeq = s.seq;
    compareStore.ingestSnapshot(s, liveStore.paused);
    liveStore.ingestSnapshot(s);
    for (const tap of streamTaps) tap.snapshot(s);
  };
  socket.on('snapshot', onSnapshot);
  // The audience page's stream (socket.ts asks for it): each frame decodes to the snapshot it carries.
  // A joining viewer is sent the latest snapshot plain first (docs/API.md "Audience stream"), so the
  // first numbers need no inflater: the decoder (with fflate, a chunk of its own) is fetched once
  // they are shown, and the frames that come before it wait, in order. A lab or relay with nothing
  // to send plain (a relay that has not heard from its lab yet) leaves the frames as all there is:
  // the decoder is fetched for the first one.
  let decoder: AudienceDecoder | null = null;
  let decoderAsked = false;
  const waiting: AudienceFrame[] = [];
  const decodeFrame = (frame: AudienceFrame, frameDecoder: AudienceDecoder) => {
    // No newer than what is shown (the joining keyframe): it only gives the next frames their dictionary.
    if (frame.seq <= latestSeq) {
      if (frame.key === frame.seq) frameDecoder.decode(frame);
      return;
    }
    const snapshot = frameDecoder.decode(frame);
    if (snapshot) onSnapshot(snapshot);
  };
  const loadDecoder = () => {
    if (decoderAsked) return;
    decoderAsked = true;
    import('./audience-decoder').then(
      ({ AudienceDecoder: Decoder }) => {
        const loaded = (decoder = new Decoder());
        for (const frame of waiting.splice(0)) decodeFrame(frame, loaded);
      },
      () => {
        decoderAsked = false; // the network dropped: asked again with the next frame
      },
    );
  };
  const decoderWaits = audienceStreamQuery(window.location.search) ? liveStore.whenNumbersShown(loadDecoder) : null;
  socket.on('audience:frame', (frame) => {
    if (decoder) return decodeFrame(frame, decoder);
    // The frames before a keyframe are not needed to decode the ones after it, and the charts get
    // those seconds from the history asked for once the numbers are shown: at most a keyframe's
    // worth waits.
    if (frame.key === frame.seq) waiting.length = 0;
    waiting.push(frame);
    if (liveStore.latest === null || liveStore.numbersShown) loadDecoder();
  });
  socket.on('events', (batch) => {
    liveStore.ingestEvents(batch);
    for (const tap of streamTaps) tap.events(batch);
  });
  socket.connect();
  return () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('connect_error', onError);
    socket.off('snapshot');
    socket.off('audience:frame');
    socket.off('events');
    historyWaits?.();
    decoderWaits?.();
    socket.disconnect();
  };
}
