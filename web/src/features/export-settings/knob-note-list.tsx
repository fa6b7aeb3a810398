import { useTranslation } from 'react-i18next';
import type { KnobNote } from '@poolscope/shared/export-protocol';

/** One line per lab knob: how it maps into the library, and why. */
export function KnobNoteList({ notes, label }: { notes: KnobNote[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="knob-notes" aria-label={label}>
      {notes.map((note, index) => (
        <li key={`${note.knob}-${index}`} className={`knob-note knob-note-${note.mapping}`}>
          <code>{note.knob}</code> <span className="knob-note-mapping">{t(`settings.mapping.${note.mapping}`)}</span>
          <span className="knob-note-message">{note.message}</span>
        </li>
      ))}
    </ul>
  );
}
