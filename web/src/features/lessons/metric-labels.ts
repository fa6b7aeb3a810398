import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';
import { TargetKnobsSchema } from '@poolscope/shared/target-config';


const KNOB_SCHEMAS: Record<string, { title?: unknown }> = {
  ...PoolConfigSchema.properties, ...LoadConfigSchema.properties, ...TargetKnobsSchema.properties,
};

/** A knob's visible label from the shared schema, as the sliders show it. */
export function knobLabel(name: string): string {
  const title = KNOB_SCHEMAS[name]?.title;
  return typeof title === 'string' ? title : name;
}
