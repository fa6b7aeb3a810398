import type { ArmConfig, KnobDiff } from '@poolscope/shared/compare';

/** Every knob whose value differs between the arms, pool knobs first, in schema order. */
export function knobDiff(a: ArmConfig, b: ArmConfig): KnobDiff[] {
  const diffs: KnobDiff[] = [];
  for (const scope of ['pool', 'load'] as const) {
    const left = a[scope] as Record<string, number | string | boolean>;
    const right = b[scope] as Record<string, number | string | boolean>;
    for (const [knob, valueB] of Object.entries(right)) {
      const valueA = left[knob];
      if (valueA === undefined || valueA === valueB) continue;
      diffs.push({ scope, knob, a: valueA, b: valueB, label: `B: ${knob} ${String(valueB)} (A: ${String(valueA)})` });
    }
  }
  return diffs;
}
