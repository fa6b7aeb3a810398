import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** tsx's loader, resolved from this package so a child process runs TypeScript like we do. */
export const TSX_IMPORT = import.meta.resolve('tsx');

export function helperPath(name: string): string {
  return fileURLToPath(new URL(`../helpers/${name}`, import.meta.url));
}

/** Forks a TypeScript helper with an IPC channel; its stdout/stderr go to our stderr. */
export function forkTs(file: string, args: string[] = [], execArgv: string[] = []): ChildProcess {
  return fork(file, args, { execArgv: ['--import', TSX_IMPORT, ...execArgv], stdio: ['ignore', 2, 2, 'ipc'] });
}

/** The next IPC message matching `type`, bounded in time. */
export function nextMessage<T extends { type: string }>(child: ChildProcess, type: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no '${type}' message from child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: unknown) => {
      if ((message as { type?: string }).type === type) done(null, message as T);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before sending '${type}'`));
    function done(error: Error | null, message?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as T);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Asks a helper to close and waits for it to exit (killed after timeoutMs). */
export function stopChild(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    if (child.connected) child.send({ type: 'close' });
    else child.kill('SIGTERM');
  });
}
