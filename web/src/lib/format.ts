/**
 * What `new Intl.NumberFormat('en', { maximumFractionDigits })` writes ("1,234.5"), without it:
 * a page's first Intl formatter loads the locale data, 0.2–0.5 s at a phone's speed (Chromium, 4×
 * CPU throttle) before the first live number could show. Like Intl it rounds the shortest decimal
 * that reads back as the value (0.15 -> "0.2", where toFixed says "0.1") half away from zero,
 * and a negative number rounding to zero keeps its sign ("-0").
 */
function enNumber(value: number, maximumFractionDigits: 0 | 1): string {
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const shortest = String(Math.abs(value));
  // Exponent notation (from 1e21, below 1e-6): Intl's digits there are worth its cost.
  if (shortest.includes('e')) return new Intl.NumberFormat('en', { maximumFractionDigits }).format(value);
  const [whole = '0', fraction = ''] = shortest.split('.');
  const kept = whole + fraction.slice(0, maximumFractionDigits).padEnd(maximumFractionDigits, '0');
  const digits = (fraction[maximumFractionDigits] ?? '0') >= '5' ? addOne(kept) : kept;
  const wholeDigits = digits.slice(0, digits.length - maximumFractionDigits);
  const decimals = digits.slice(digits.length - maximumFractionDigits).replace(/0+$/, '');
  return `${sign}${wholeDigits.replace(/\B(?=(\d{3})+$)/g, ',')}${decimals ? `.${decimals}` : ''}`;
}

/** "129" -> "130", "99" -> "100": one more in the last place of a string of digits. */
function addOne(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i -= 1;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return `${digits.slice(0, i)}${Number(digits[i]) + 1}${'0'.repeat(digits.length - i - 1)}`;
}

/** 1234 -> "1,234"; 12.34 -> "12.3"; non-finite -> "–". */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Math.abs(value) >= 100 || Number.isInteger(value) ? enNumber(value, 0) : enNumber(value, 1);
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
  if (bytes < 1024 * 1024) return `${enNumber(bytes / 1024, 1)} KiB`;
  return `${enNumber(bytes / 1024 / 1024, 1)} MiB`;
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
