const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 1234 -> "1,234"; 12.34 -> "12.3"; non-finite -> "–". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Math.abs(value) >= 100 || Number.isInteger(value) ? integer.format(value) : oneDecimal.format(value);
}

/** Milliseconds in the most readable unit: "0.42 ms", "37 ms", "2.5 s", "4 min 10 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms === 0) return '0 ms';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  if (minutes < 60) return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** A knob value with its unit: "2,000 ms", "10 connections", "5 %". */
export function formatWithUnit(value: number, unit: string | undefined): string {
  if (unit === 'fraction') return `${Math.round(value * 100)} %`;
  if (unit === 'ms') return formatMs(value);
  if (unit === 'bytes') return formatBytes(value);
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} KiB`;
  return `${oneDecimal.format(bytes / 1024 / 1024)} MiB`;
}

/** Wall-clock time as HH:MM:SS for chart axes. */
export function formatClock(t: number): string {
  const d = new Date(t);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** Compact milliseconds for axis ticks and bucket labels: "0.25ms", "40ms", "2.5s". */
export function shortMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms === 0) return '0';
  if (ms < 1000) return `${Number(ms.toPrecision(3))}ms`;
  return `${Number((ms / 1000).toPrecision(3))}s`;
}
