import { expect } from 'vitest';
import { UsageError } from '../../main/cli/args';

/** The UsageError message `check` throws; fails the test when it throws anything else or accepts. */
export function usageRefusal(check: () => unknown): string {
  try {
    check();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}
