/**
 * A Socket.IO parser for light viewers: it decodes the packet header but never JSON.parses an
 * event's body (a snapshot arrives as ['snapshot', <its length in characters>]). On two cores
 * the viewers' own JSON parsing saturates first (docs/PERF-FACTS.md), which would measure the viewers,
 * not the server. Text packets only; the lab sends no binary. A snapshot also carries its `t` (the
 * lab's wall clock when it was taken), read from the body's first characters, so a viewer on the same
 * machine can time lab-to-viewer delay without parsing the rest.
 */
type Listener = (packet: unknown) => void;

interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

const EVENT = 2;

export class LightDecoder {
  private listeners: Listener[] = [];

  on(event: string, listener: Listener): this {
    if (event === 'decoded') this.listeners.push(listener);
    return this;
  }

  off(_event?: string, listener?: Listener): this {
    this.listeners = listener === undefined ? [] : this.listeners.filter((l) => l !== listener);
    return this;
  }

  add(text: unknown): void {
    if (typeof text !== 'string') throw new Error('light parser: binary packets are not supported');
    const packet = decodeLight(text);
    for (const listener of this.listeners) listener(packet);
  }

  destroy(): void {
    this.listeners = [];
  }
}

export function decodeLight(text: string): Packet {
  const type = Number(text[0]);
  let i = 1;
  let nsp = '/';
  if (text[i] === '/') {
    const comma = text.indexOf(',', i);
    nsp = text.slice(i, comma);
    i = comma + 1;
  }
  let idDigits = '';
  while (i < text.length && text[i]! >= '0' && text[i]! <= '9') idDigits += text[i++];
  const body = text.slice(i);
  const packet: Packet = { type, nsp };
  if (idDigits !== '') packet.id = Number(idDigits);
  if (body === '') return packet;
  if (type === EVENT) {
    // '["snapshot",{"seq":1,"t":...}]': keep the event name, replace the payload by its size (and its `t`).
    const end = body.indexOf('"', 2);
    const name = body.slice(2, end);
    packet.data = name === 'snapshot' ? [name, body.length, takenAtMs(body)] : [name, body.length];
  } else {
    packet.data = JSON.parse(body);
  }
  return packet;
}

/** The snapshot's `t` (it comes second, after `seq`); NaN if the layout ever changes, which the bench reports as a bad sample. */
const TAKEN_AT = /"t":(\d+(?:\.\d+)?)/;
function takenAtMs(body: string): number {
  const match = TAKEN_AT.exec(body.slice(0, 96));
  return match ? Number(match[1]) : NaN;
}

export class LightEncoder {
  encode(packet: Packet): string[] {
    let text = String(packet.type);
    if (packet.nsp !== '/') text += `${packet.nsp},`;
    if (packet.id !== undefined) text += String(packet.id);
    if (packet.data !== undefined) text += JSON.stringify(packet.data);
    return [text];
  }
}

export const lightParser = { Encoder: LightEncoder, Decoder: LightDecoder };
