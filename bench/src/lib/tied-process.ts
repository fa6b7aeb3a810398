import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface TiedProcess {
  /** The process itself (not the shell holding it), for /proc. */
  pid: number;
  /** Resolves with the first match of `pattern` in its stdout so far or to come. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
}

/**
 * Starts `command` under a small shell that kills it when our end of its stdin closes: when this
 * process exits, however it exits (the runner SIGKILLs a suite past its timeout), no redis-server
 * or relay is left behind on a machine shared with others.
 */
export async function spawnTied(command: string, args: string[], options: Pick<SpawnOptions, 'cwd' | 'env'> = {}): Promise<TiedProcess> {
  const script = '"$@" & child=$!; echo "@@pid $child"; read _ignored; kill $child 2>/dev/null; wait $child';
  const shell: ChildProcess = spawn('sh', ['-c', script, 'sh', command, ...args], { ...options, stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  const listeners = new Set<() => void>();
  shell.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    for (const listener of listeners) listener();
  });
  const waitFor = (pattern: RegExp, timeoutMs: number) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) done(null, match);
      };
      const onExit = (code: number | null) => done(new Error(`${command} exited (${code}) before printing ${pattern}:\n${output}`));
      const timer = setTimeout(() => done(new Error(`${command} did not print ${pattern} within ${timeoutMs} ms:\n${output}`)), timeoutMs);
      function done(error: Error | null, match?: RegExpExecArray) {
        clearTimeout(timer);
        listeners.delete(check);
        shell.off('exit', onExit);
        if (error) reject(error);
        else resolve(match!);
      }
      listeners.add(check);
      shell.once('exit', onExit);
      check();
    });
  const pid = Number((await waitFor(/@@pid (\d+)\n/, 10_000))[1]);
  const stop = async () => {
    if (shell.exitCode !== null || shell.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => shell.once('exit', () => resolve()));
    shell.stdin!.end();
    const killer = setTimeout(() => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 5000);
    await gone;
    clearTimeout(killer);
  };
  return { pid, waitFor, stop };
}
