/** Unit conversions between the lab's milliseconds and what each library takes. */

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

/** A Go `time.Duration` expression: `30 * time.Second`, `1500 * time.Millisecond`. */
export function goDurationExpr(ms: number): string {
  if (ms === 0) return '0';
  if (ms % HOUR_MS === 0) return `${ms / HOUR_MS} * time.Hour`;
  if (ms % MINUTE_MS === 0) return `${ms / MINUTE_MS} * time.Minute`;
  if (ms % SECOND_MS === 0) return `${ms / SECOND_MS} * time.Second`;
  return `${ms} * time.Millisecond`;
}

/** A Go duration string as `time.ParseDuration` reads it: `1h30m`, `45s`, `1500ms`. */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms % SECOND_MS !== 0) return `${ms}ms`;
  let rest = ms;
  let text = '';
  for (const [unit, size] of [
    ['h', HOUR_MS],
    ['m', MINUTE_MS],
    ['s', SECOND_MS],
  ] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}

const GO_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: SECOND_MS, m: MINUTE_MS, h: HOUR_MS };

/** Reads a Go duration string (`1h30m`, `1.5s`, `500ms`); null when it is not one. */
export function parseGoDuration(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const part = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < trimmed.length) {
    part.lastIndex = at;
    const match = part.exec(trimmed);
    if (!match) return null;
    total += Number(match[1]) * GO_UNITS_MS[match[2]!]!;
    at = part.lastIndex;
  }
  return at === 0 ? null : Math.round(total);
}

/** Seconds for libraries that take them (pgbouncer, pg's maxLifetimeSeconds); whole when the value is. */
export const msToSeconds = (ms: number): number => ms / SECOND_MS;

/** "2 s", "1500 ms", "5 min": for note messages. */
export function humanMs(ms: number): string {
  if (ms >= MINUTE_MS && ms % MINUTE_MS === 0) return `${ms / MINUTE_MS} min`;
  if (ms >= SECOND_MS && ms % SECOND_MS === 0) return `${ms / SECOND_MS} s`;
  return `${ms} ms`;
}
