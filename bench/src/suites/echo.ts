import type { HealthCheckMethod } from '@poolscope/shared/pool-config';
import { drive, type DriveResult } from '../lib/drive';
import { forkTs, helperPath, nextMessage, stopChild } from '../lib/fork-ts';
import { benchMode, log } from '../lib/mode';
import { bestRawClient, pooledClient, perRequestClient, rawClient, type Client } from '../lib/echo-clients';
import { Recorder } from '../lib/results';

/**
 * (2) Echo through the pool against an echo target in another process, next to raw persistent
 * sockets and a new connection per request, through both pool APIs (borrow: acquire, request,
 * release; and pool.request()); (3) the same with instrumentation on; and (issue 8)
 * the cost of each health-check method when every borrow is checked. The baseline of every echo
 * ratio is the best raw client (issue 14): it reads as the pool's links do (onread into one
 * shared buffer) and hands a freed socket to the next requester inside the read callback, with
 * no promise hop. The raw client that reads with 'data' events, as a hand-written client does,
 * stays as a second reference.
 */
const CONNECTIONS = [10, 100];
const REQUESTERS = [50, 500];
const HEALTH_METHODS: HealthCheckMethod[] = ['none', 'probe', 'ping'];

async function run(client: Client, requesters: number, warmMs: number, durationMs: number): Promise<DriveResult> {
  try {
    await drive(requesters, warmMs, 1_000_000, client.once);
    return await drive(requesters, durationMs, 2_000_000, client.once);
  } finally {
    await client.close();
  }
}

function record(rec: Recorder, id: string, section: string, label: string, result: DriveResult): void {
  rec.record(`${id}/rps`, section, label, 'req/s', result.requestsPerSec);
  rec.record(`${id}/p50`, section, `${label}: rtt p50`, 'ms', result.p50Ms);
  rec.record(`${id}/p99`, section, `${label}: rtt p99`, 'ms', result.p99Ms);
  rec.record(`${id}/cpu`, section, `${label}: client CPU per request`, 'µs', result.clientCpuUsPerRequest);
  if (result.errors > 0) rec.record(`${id}/errors`, section, `${label}: errors`, 'count', result.errors);
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('echo');
  // A second of warm-up: the pool's code paths need longer than a raw socket's to reach
  // optimized code, and a short warm-up measured JIT warm-up, not the pool.
  const warmMs = mode.ms(1000, 50);
  const durationMs = mode.ms(1500, 150);
  const server = forkTs(helperPath('echo-server.ts'));
  try {
    const { port } = await nextMessage<{ type: 'ready'; port: number }>(server, 'ready', 20_000);
    for (let round = 0; round < mode.rounds; round++) {
      for (const conns of CONNECTIONS) {
        for (const requesters of REQUESTERS) {
          const cell = `${conns}c×${requesters}r`;
          const section = `echo, ${conns} connections × ${requesters} requesters`;
          const variants = [
            { id: 'pooled-off', label: 'Poolscope pool, instrumented off', make: () => pooledClient(port, conns, false) },
            { id: 'pooled-on', label: 'Poolscope pool, instrumented on', make: () => pooledClient(port, conns, true) },
            {
              id: 'pooled-request',
              label: 'Poolscope pool.request(), instrumented off',
              make: () => pooledClient(port, conns, false, undefined, 'request'),
            },
            {
              id: 'raw-best',
              label: `best raw client: onread, socket handed over in the read callback (${conns})`,
              make: () => bestRawClient(port, conns),
            },
            { id: 'raw', label: `raw persistent sockets read with 'data' events (${conns})`, make: () => rawClient(port, conns) },
          ];
          for (let i = 0; i < variants.length; i++) {
            const v = variants[(i + round) % variants.length]!;
            record(rec, `${cell}/${v.id}`, section, v.label, await run(await v.make(), requesters, warmMs, durationMs));
          }
        }
      }
      for (const requesters of REQUESTERS) {
        record(
          rec,
          `per-request×${requesters}r`,
          `echo, a new connection per request × ${requesters} requesters`,
          'connect, request, close',
          await run(perRequestClient(port), requesters, warmMs, durationMs),
        );
      }
      for (let i = 0; i < HEALTH_METHODS.length; i++) {
        const method = HEALTH_METHODS[(i + round) % HEALTH_METHODS.length]!;
        record(
          rec,
          `health/${method}`,
          'health check on every borrow (issue 8), 10 connections × 50 requesters, instrumented',
          `healthCheckMethod ${method}`,
          await run(await pooledClient(port, 10, true, method), 50, warmMs, durationMs),
        );
      }
      log(`echo round ${round + 1}/${mode.rounds} done`);
    }
  } finally {
    await stopChild(server);
  }
  for (const conns of CONNECTIONS) {
    for (const requesters of REQUESTERS) {
      const cell = `${conns}c×${requesters}r`;
      // Against the best raw client (the baseline): pool.request() does what it does, plus the engine.
      rec.ratio(`echo ${cell}: pool.request (off) / best raw`, `${cell}/pooled-request/rps`, `${cell}/raw-best/rps`, { atLeast: 0.95 });
      rec.ratio(`echo ${cell}: pooled borrow (off) / best raw`, `${cell}/pooled-off/rps`, `${cell}/raw-best/rps`, { atLeast: 0.9 });
      rec.ratio(`echo ${cell}: pooled borrow (on) / best raw`, `${cell}/pooled-on/rps`, `${cell}/raw-best/rps`, { atLeast: 0.9 });
      // For reference, no target: the raw client a hand-written program would be ('data' events).
      rec.ratio(`echo ${cell}: pool.request (off) / raw 'data'`, `${cell}/pooled-request/rps`, `${cell}/raw/rps`);
      rec.ratio(`echo ${cell}: pooled borrow (off) / raw 'data'`, `${cell}/pooled-off/rps`, `${cell}/raw/rps`);
      rec.ratio(`echo ${cell}: best raw / raw 'data'`, `${cell}/raw-best/rps`, `${cell}/raw/rps`);
      rec.ratio(`echo ${cell}: pooled (off) / connection per request`, `${cell}/pooled-off/rps`, `per-request×${requesters}r/rps`, {
        atLeast: 5,
      });
      rec.ratio(`instrumentation ${cell}: on / off`, `${cell}/pooled-on/rps`, `${cell}/pooled-off/rps`, { atLeast: 0.95 });
      // The same cost as client CPU per request, which the throughput's run-to-run swings hide.
      rec.ratio(`instrumentation ${cell}: client CPU per request, on / off`, `${cell}/pooled-on/cpu`, `${cell}/pooled-off/cpu`, {
        atMost: 1.05,
      });
    }
  }
  // Every lend is checked since issue 14 (handoffs included): a ping is one more round trip per borrow.
  rec.ratio('health check every borrow: probe / none', 'health/probe/rps', 'health/none/rps');
  rec.ratio('health check every borrow: ping / none', 'health/ping/rps', 'health/none/rps');
  rec.ratio('health check every borrow: client CPU per request, probe / none', 'health/probe/cpu', 'health/none/cpu');
  rec.ratio('health check every borrow: client CPU per request, ping / none', 'health/ping/cpu', 'health/none/cpu');
  rec.emit(mode.rounds);
}

await main();
