import { EchoTarget } from '@poolscope/server/src/targets/echo-target';

/** A child process holding one embedded echo target (no latency, no jitter); tells its parent the port. */
const target = await EchoTarget.start({ id: 'bench-echo', knobs: { latencyMs: 0, jitterMs: 0 } });
process.send?.({ type: 'ready', port: target.port });

const shutDown = async () => {
  await target.close({ drainMs: 0 });
  process.exit(0);
};
process.on('message', (message: { type?: string }) => {
  if (message.type === 'close') void shutDown();
});
process.on('disconnect', () => void shutDown());
