import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withKnobTables } from './knob-tables';

describe('docs/API.md knob tables', () => {
  it('match the shared schemas (run `pnpm --filter @poolscope/server docs` after changing a knob)', () => {
    const document = readFileSync(fileURLToPath(new URL('../../../docs/API.md', import.meta.url)), 'utf8');
    expect(withKnobTables(document)).toBe(document);
  });
});
