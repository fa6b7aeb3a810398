import type { TObject, TSchema } from '@sinclair/typebox';
import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';
import { TargetKnobsSchema } from '@poolscope/shared/target-config';

export const KNOB_TABLES_BEGIN = '<!-- knob-tables:begin (generated from shared/ by `pnpm --filter @poolscope/server docs`) -->';
export const KNOB_TABLES_END = '<!-- knob-tables:end -->';

/** Markdown tables of every knob, straight from the shared schemas, so the docs cannot drift from what is validated. */
export function renderKnobTables(): string {
  return [
    section('Pool knobs (`pool`)', PoolConfigSchema),
    section('Load knobs (`load`)', LoadConfigSchema),
    section('Embedded target knobs (`PATCH /api/targets/:id`)', TargetKnobsSchema),
  ].join('\n');
}

function section(title: string, schema: TObject): string {
  const rows = Object.entries(schema.properties).map(([name, knob]) => row(name, knob));
  return [`### ${title}`, '', '| knob | label | type | range | default | meaning |', '|---|---|---|---|---|---|', ...rows, ''].join('\n');
}

function row(name: string, knob: TSchema): string {
  const unit = typeof knob['x-unit'] === 'string' ? ` ${knob['x-unit']}` : '';
  const range = typeof knob.minimum === 'number' ? `${knob.minimum}–${knob.maximum}${unit}` : enumValues(knob);
  const cells = [
    `\`${name}\``,
    String(knob.title ?? ''),
    typeName(knob),
    range,
    `\`${JSON.stringify(knob.default)}\``,
    String(knob.description ?? ''),
  ];
  return `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
}

function typeName(knob: TSchema): string {
  if (Array.isArray(knob.anyOf)) return 'string';
  return String(knob.type);
}

function enumValues(knob: TSchema): string {
  if (!Array.isArray(knob.anyOf)) return knob.type === 'boolean' ? 'true / false' : '';
  return (knob.anyOf as TSchema[]).map((option) => `\`${String(option.const)}\``).join(', ');
}

/** `document` with the section between the markers replaced by freshly rendered tables. */
export function withKnobTables(document: string): string {
  const begin = document.indexOf(KNOB_TABLES_BEGIN);
  const end = document.indexOf(KNOB_TABLES_END);
  if (begin < 0 || end < begin) throw new Error('docs/API.md lacks the knob-tables markers');
  return `${document.slice(0, begin + KNOB_TABLES_BEGIN.length)}\n\n${renderKnobTables()}\n${document.slice(end)}`;
}
