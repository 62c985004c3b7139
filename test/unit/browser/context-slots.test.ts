import { describe, expect, it } from 'vitest';
import { ContextSlots } from '../../../main/browser/context-slots';

// Issue 14: a process-wide cap on browser contexts; requests past it wait in line, first come first served.
describe('ContextSlots', () => {
  it('grants up to the cap at once, queues the rest, and hands a freed slot to the first in line', async () => {
    const slots = new ContextSlots(2);
    const a = await slots.acquire();
    const b = await slots.acquire();
    const order: string[] = [];
    const c = slots.acquire().then((release) => (order.push('c'), release));
    const d = slots.acquire().then((release) => (order.push('d'), release));
    await Promise.resolve();
    expect([slots.inUse, slots.queued, order]).toEqual([2, 2, []]);
    a();
    const releaseC = await c;
    expect(order).toEqual(['c']);
    // A new request arriving now waits behind d: the cap holds.
    const e = slots.acquire().then((release) => (order.push('e'), release));
    b();
    const releaseD = await d;
    expect([slots.inUse, slots.queued, order]).toEqual([2, 1, ['c', 'd']]);
    releaseC();
    releaseC(); // a second release of the same slot frees nothing more
    const releaseE = await e;
    expect([slots.inUse, slots.queued]).toEqual([2, 0]);
    releaseD();
    releaseE();
    expect(slots.inUse).toBe(0);
  });

  it('takes an aborted request out of line without using a slot', async () => {
    const slots = new ContextSlots(1);
    const held = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort('cancelled');
    await expect(waiting).rejects.toThrow(/aborted \(cancelled\)/);
    expect(slots.queued).toBe(0);
    held();
    expect(slots.inUse).toBe(0);
    await expect(slots.acquire(controller.signal)).rejects.toBeDefined(); // already aborted: not even queued
    expect(() => new ContextSlots(0)).toThrow(/positive integer/);
  });
});
