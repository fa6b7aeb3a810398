import type { KnobNote } from '@poolscope/shared/export-protocol';

const STRINGS = {
  exact: 'exact',
  approximate: 'approximate',
  none: 'no equivalent',
} as const;

/** One line per lab knob: how it maps into the library, and why. */
export function KnobNoteList({ notes, label }: { notes: KnobNote[]; label: string }) {
  return (
    <ul className="knob-notes" aria-label={label}>
      {notes.map((note, index) => (
        <li key={`${note.knob}-${index}`} className={`knob-note knob-note-${note.mapping}`}>
          <code>{note.knob}</code> <span className="knob-note-mapping">{STRINGS[note.mapping]}</span>
          <span className="knob-note-message">{note.message}</span>
        </li>
      ))}
    </ul>
  );
}
