import type { LessonLanguage, LocalizedText } from '@poolscope/shared/lesson-schema';

/** The page's language decides which text of a lesson shows; anything Chinese reads zh-CN. */
export function lessonLanguage(documentLanguage: string): LessonLanguage {
  return documentLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function pickText(text: LocalizedText, language: LessonLanguage): string {
  return text[language] || text.en;
}
