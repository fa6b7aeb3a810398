/** What a key does in the presenter view: reveal.js's keys, which presenters already know. */
export type PresenterAction = 'next' | 'previous' | 'first' | 'last' | 'exit' | 'notes' | 'blank' | 'help';

const KEYS: Record<string, PresenterAction> = {
  ArrowRight: 'next',
  ' ': 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'previous',
  PageUp: 'previous',
  p: 'previous',
  P: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'exit',
  s: 'notes',
  S: 'notes',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
  '?': 'help',
};

/** The list the ? overlay shows, in reading order. */
export const KEY_HELP: readonly { keys: string; actionKey: string }[] = [
  { keys: '→  Space  N  Page Down', actionKey: 'lessons.keyNext' },
  { keys: '←  P  Page Up', actionKey: 'lessons.keyPrevious' },
  { keys: 'Home / End', actionKey: 'lessons.keyFirstLast' },
  { keys: 'S', actionKey: 'lessons.keyNotes' },
  { keys: 'B  .', actionKey: 'lessons.keyBlank' },
  { keys: '?', actionKey: 'lessons.keyHelp' },
  { keys: 'Esc', actionKey: 'lessons.keyExit' },
];

/** Null for keys the presenter leaves alone, and for any key typed into a form field or with a modifier. */
export function presenterAction(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}): PresenterAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const element = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (element && (element.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.tagName ?? ''))) return null;
  return KEYS[event.key] ?? null;
}

/** The step a move lands on, kept within 1..count. */
export function stepAfter(action: 'next' | 'previous' | 'first' | 'last', step: number, count: number): number {
  if (action === 'first') return 1;
  if (action === 'last') return count;
  return Math.min(count, Math.max(1, step + (action === 'next' ? 1 : -1)));
}
