import type { Static } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { SnapshotSchema, TargetSnapshotSchema } from './snapshot-schema';
import type { Snapshot, TargetSnapshot } from './snapshot';

/** True only when A and B are assignable both ways; a field in one and not the other makes it false. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('snapshot schema', () => {
  it('says the same as the Snapshot and TargetSnapshot types (checked by the compiler)', () => {
    const snapshotSame: Same<Static<typeof SnapshotSchema>, Snapshot> = true;
    const targetSame: Same<Static<typeof TargetSnapshotSchema>, TargetSnapshot> = true;
    expect([snapshotSame, targetSame]).toEqual([true, true]);
  });
});
