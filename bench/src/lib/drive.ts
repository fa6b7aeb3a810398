import { percentile } from './stats';

export interface DriveResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** This process's CPU (user + system) per completed request: what the client costs, apart from throughput. */
  clientCpuUsPerRequest: number;
}

/**
 * `requesters` closed-loop callers, each running `once` back to back, for durationMs (and at
 * most maxRequests). A round trip is timed from the call (acquire included) to the reply, as
 * the caller sees it, so waiting for a connection shows in p50/p99.
 */
export async function drive(
  requesters: number,
  durationMs: number,
  maxRequests: number,
  once: () => Promise<unknown>,
): Promise<DriveResult> {
  const rtts = new Float64Array(maxRequests);
  let done = 0;
  let errors = 0;
  let stop = false;
  const startMs = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadlineMs = startMs + durationMs;
  const requester = async () => {
    while (!stop) {
      const t0 = performance.now();
      try {
        await once();
      } catch {
        if (++errors > 10_000) stop = true;
        continue;
      }
      const t1 = performance.now();
      if (done < maxRequests) rtts[done] = t1 - t0;
      if (++done >= maxRequests || t1 >= deadlineMs) stop = true;
    }
  };
  await Promise.all(Array.from({ length: requesters }, requester));
  const elapsedS = (performance.now() - startMs) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const samples = rtts.subarray(0, Math.min(done, maxRequests));
  const clientCpuUsPerRequest = done === 0 ? 0 : (cpu.user + cpu.system) / done;
  return { requestsPerSec: done / elapsedS, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), errors, clientCpuUsPerRequest };
}
