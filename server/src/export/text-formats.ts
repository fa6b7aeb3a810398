import { ImportParseError } from './import-parse-error';

export interface PropertyLine {
  key: string;
  value: string;
  line: number;
}

/** A `.properties` file as java.util.Properties reads the common cases: `key=value`, `key: value`, `#`/`!` comments. */
export function parseProperties(text: string): PropertyLine[] {
  const entries: PropertyLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) return;
    const match = /^([^=:\s]+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (!match) throw new ImportParseError(index + 1, `expected key=value, got "${clip(line)}"`);
    entries.push({ key: match[1]!, value: match[2]!.trim(), line: index + 1 });
  });
  return entries;
}

/** JSON options text as an object; a syntax error names the line it is on. */
export function parseJsonOptions(text: string): { options: Record<string, unknown>; lineOf: (key: string) => number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new ImportParseError(lineOfJsonError(text, message), `not valid JSON: ${message.split('\n')[0]}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ImportParseError(1, 'expected a JSON object of pool options, e.g. { "max": 10 }');
  }
  const lines = text.split(/\r?\n/);
  const lineOf = (key: string) => Math.max(1, lines.findIndex((l) => l.includes(`"${key}"`)) + 1);
  return { options: parsed as Record<string, unknown>, lineOf };
}

function lineOfJsonError(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  let at = position ? Number(position[1]) : -1;
  if (at < 0) {
    const token = /Unexpected token '(.)'/.exec(message);
    at = token ? indexOutsideStrings(text, token[1]!) : text.length;
  }
  return text.slice(0, Math.max(0, at)).split('\n').length;
}

/** Where a stray character is: its first place outside a JSON string (a key may contain the same letter). */
function indexOutsideStrings(text: string, char: string): number {
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString && c === '\\') i += 1;
    else if (c === '"') inString = !inString;
    else if (!inString && c === char) return i;
  }
  return text.length;
}

/** A non-negative finite number, or an ImportParseError naming the line. */
export function requireNumber(value: unknown, key: string, line: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
    throw new ImportParseError(line, `${key} must be a non-negative number, got ${clip(JSON.stringify(value) ?? String(value))}`);
  }
  return number;
}

export function requireBoolean(value: unknown, key: string, line: number): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ImportParseError(line, `${key} must be true or false, got ${clip(JSON.stringify(value) ?? String(value))}`);
}

export const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
