import { describe, expect, it } from 'vitest';
import { settleOrAbandon } from '../../../main/agent/unresponsive-browser';

const never = () => new Promise<string>(() => undefined);

describe('settleOrAbandon', () => {
  it("gives the work's result when it ends, aborted or not", async () => {
    expect(await settleOrAbandon(Promise.resolve('done'), undefined, 10)).toBe('done');
    const controller = new AbortController();
    // The work ends as the abort closes its page: in the abort's own listeners, before any grace runs out.
    const work = new Promise<string>((resolve) => controller.signal.addEventListener('abort', () => resolve('cut short')));
    const settled = settleOrAbandon(work, controller.signal, 60_000);
    controller.abort('time_limit');
    expect(await settled).toBe('cut short');
  });

  it('gives null once the abort was not followed by the end of the work within the grace', async () => {
    const controller = new AbortController();
    const settled = settleOrAbandon(never(), controller.signal, 20);
    controller.abort('cancelled');
    expect(await settled).toBeNull();
    const already = new AbortController();
    already.abort('time_limit');
    expect(await settleOrAbandon(never(), already.signal, 20)).toBeNull();
  });

  it('passes on a rejection of the work, and swallows a late one after abandoning it', async () => {
    await expect(settleOrAbandon(Promise.reject(new Error('boom')), new AbortController().signal, 20)).rejects.toThrow('boom');
    const controller = new AbortController();
    let rejectLate!: (err: Error) => void;
    const late = new Promise<string>((_, reject) => (rejectLate = reject));
    controller.abort('time_limit');
    expect(await settleOrAbandon(late, controller.signal, 20)).toBeNull();
    rejectLate(new Error('the browser came back and failed')); // no unhandled rejection follows
  });
});
