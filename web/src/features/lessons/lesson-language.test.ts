import { describe, expect, it } from 'vitest';
import { lessonLanguage, pickText } from './lesson-language';

describe('lesson language', () => {
  it('shows Chinese text for any Chinese page language and English otherwise', () => {
    const text = { en: 'Pool', 'zh-CN': '连接池' };
    expect(pickText(text, lessonLanguage('zh'))).toBe('连接池');
    expect(pickText(text, lessonLanguage('zh-Hans-CN'))).toBe('连接池');
    expect(pickText(text, lessonLanguage('en-GB'))).toBe('Pool');
  });
});
