import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, resolveConfig } from 'prettier';
import { schemaKnobTexts } from './knob-texts';
import { KNOB_TEXTS_EN } from './knob-texts-en';

/** jsdom gives import.meta.url an http: scheme; the test runs from web/. */
const GENERATED = join(process.cwd(), 'src', 'i18n', 'knob-texts-en.ts');

/** The source of knob-texts-en.ts, from the shared schemas, formatted as the repository's lint wants it. */
async function knobTextsSource(): Promise<string> {
  const source = [
    '// Generated from the shared schemas by src/i18n/knob-texts.test.ts (`npx vitest run src/i18n/knob-texts.test.ts -u`):',
    '// the schemas stay the one source of the English knob texts, and the first load carries no schema library.',
    '',
    'export const KNOB_TEXTS_EN: Readonly<Record<string, { title: string; description: string }>> = ' +
      `${JSON.stringify(schemaKnobTexts(), null, 2)};`,
    '',
  ].join('\n');
  return format(source, { ...(await resolveConfig(GENERATED)), filepath: GENERATED });
}

describe("the English knob texts the app's first load carries", () => {
  it('are the shared schemas’ titles and descriptions, as generated', async () => {
    await expect(await knobTextsSource()).toMatchFileSnapshot('./knob-texts-en.ts');
    expect(KNOB_TEXTS_EN).toEqual(schemaKnobTexts());
  });
});
