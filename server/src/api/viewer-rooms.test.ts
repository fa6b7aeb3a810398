import { describe, expect, it } from 'vitest';
import { ViewerRooms } from './viewer-rooms';

describe('ViewerRooms', () => {
  it('fills a room to its size before opening the next', () => {
    const rooms = new ViewerRooms(2);
    expect([rooms.assign(), rooms.assign(), rooms.assign()]).toEqual(['viewers-0', 'viewers-0', 'viewers-1']);
    expect(rooms.viewerCount).toBe(3);
  });

  it('reuses space freed by viewers who left and drops empty rooms', () => {
    const rooms = new ViewerRooms(2);
    rooms.assign();
    rooms.assign();
    rooms.assign();
    rooms.release('viewers-0');
    expect(rooms.assign()).toBe('viewers-0');
    rooms.release('viewers-1');
    expect(rooms.rooms()).toEqual(['viewers-0']);
  });
});
