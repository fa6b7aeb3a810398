import { describe, expect, it } from 'vitest';
import type { Marker } from '@poolscope/shared/snapshot';
import { clusterMarkers } from './marker-clusters';

const marker = (id: number, t: number, label = `m${id}`): Marker => ({ id, t, kind: 'config', label });

describe('clusterMarkers', () => {
  it('keeps markers that are far apart as separate lines', () => {
    expect(clusterMarkers([marker(1, 0), marker(2, 5000)], 1000).map((c) => c.label)).toEqual(['m1', 'm2']);
  });

  it('merges a burst of changes into one line named by the latest', () => {
    const clusters = clusterMarkers([marker(1, 0), marker(2, 300), marker(3, 600, 'maxOpen 10→4')], 1000);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ t: 600, label: 'maxOpen 10→4 (+2)', count: 3 });
  });

  it('keeps only the newest lines', () => {
    const many = Array.from({ length: 30 }, (_, i) => marker(i, i * 10_000));
    const clusters = clusterMarkers(many, 1000, 12);
    expect(clusters).toHaveLength(12);
    expect(clusters.at(-1)?.label).toBe('m29');
  });
});
