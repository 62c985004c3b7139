// One desktop app per user (electron/single-instance.ts): the first start holds Electron's single-instance
// lock and starts; a later start quits at once, and the running app brings its window forward instead.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type FocusableWindow } from '../../../electron/single-instance';

/** Two processes sharing Electron's lock: the second asks, is refused, and the first hears 'second-instance'. */
class FakeApp extends EventEmitter {
  quitCalled = false;
  constructor(private readonly lockFree: { free: boolean }) {
    super();
  }
  requestSingleInstanceLock() {
    if (!this.lockFree.free) return false;
    this.lockFree.free = false;
    return true;
  }
  quit() {
    this.quitCalled = true;
  }
}

function fakeWindow(minimized: boolean): FocusableWindow & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    isDestroyed: () => false,
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
  };
}

describe('claimSingleInstance', () => {
  it('lets the first start run, quits the second, and brings the first one’s window forward', () => {
    const lock = { free: true };
    const first = new FakeApp(lock);
    const window = fakeWindow(true);
    expect(claimSingleInstance(first, () => window)).toBe(true);
    expect(first.quitCalled).toBe(false);

    const second = new FakeApp(lock);
    expect(claimSingleInstance(second, () => null)).toBe(false);
    expect(second.quitCalled).toBe(true);
    first.emit('second-instance');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('ignores a second start while no window is open (still starting, or closed on macOS)', () => {
    const app = new FakeApp({ free: true });
    expect(claimSingleInstance(app, () => null)).toBe(true);
    expect(() => app.emit('second-instance')).not.toThrow();
  });
});
