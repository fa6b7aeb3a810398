import type { Lesson } from '@poolscope/shared/lesson-schema';
import { fetchLessons } from '../../lib/commands';
import { labStaticList } from '../../lib/lab-static-list';

/** Asked for with the socket closed too: a page playing a recording still needs the lessons' texts from the lab that serves it. */
const useLessonList = labStaticList<Lesson>(fetchLessons, { whileOffline: true });

/** The server's lessons (static data), shared by every component that shows them. */
export function useLessons(): { lessons: Lesson[]; error: string | null } {
  const { items, error } = useLessonList();
  return { lessons: items, error: error?.message ?? null };
}
