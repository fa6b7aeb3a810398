import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface OpenSocket {
  local: string;
  remote: string;
  state: string;
}

const TCP_STATES: Record<string, string> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
};

/** True where the process's sockets can be read from /proc (Linux). */
export const canListProcessSockets = existsSync('/proc/self/net/tcp') && existsSync('/proc/self/fd');

/**
 * TCP sockets this process still holds a descriptor for (both ends: dialled and accepted, and
 * listeners) whose local or remote port is one of `ports`. Kernel-only leftovers such as
 * TIME_WAIT have no descriptor and are not counted.
 */
export function processSocketsOnPorts(ports: Iterable<number>): OpenSocket[] {
  const wanted = new Set(ports);
  const inodes = new Set<string>();
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/self/fd/${fd}`));
      if (match) inodes.add(match[1]!);
    } catch {
      // the descriptor closed while we listed them
    }
  }
  const found: OpenSocket[] = [];
  for (const file of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const [local = '', remote = '', state = '', inode = ''] = [fields[1], fields[2], fields[3], fields[9]];
      const localPort = parseInt(local.split(':')[1] ?? '', 16);
      const remotePort = parseInt(remote.split(':')[1] ?? '', 16);
      if (!inodes.has(inode) || (!wanted.has(localPort) && !wanted.has(remotePort))) continue;
      found.push({ local: `:${localPort}`, remote: `:${remotePort}`, state: TCP_STATES[state] ?? state });
    }
  }
  return found;
}
