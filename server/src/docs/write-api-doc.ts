import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withKnobTables } from './knob-tables';

const API_DOC = fileURLToPath(new URL('../../../docs/API.md', import.meta.url));

writeFileSync(API_DOC, withKnobTables(readFileSync(API_DOC, 'utf8')));
console.log(`updated the knob tables in ${API_DOC}`);
