import { describe, expect, it } from 'vitest';
import { backendAttemptText } from '../../../renderer/src/features/training/backend-attempt';
import { familiesSelectedText, instancesProblem } from '../../../renderer/src/features/training/form-hints';

// The Training page's hints (the first-hour audit of 2026-12-05).
describe('familiesSelectedText', () => {
  it('counts and names every selected family, also those scrolled out of the box', () => {
    expect(familiesSelectedText(['shop/a', 'shop/b', 'shop/c'])).toBe('3 selected: shop/a, shop/b, shop/c');
  });
  it('says how to pick when none is selected', () => {
    expect(familiesSelectedText([])).toMatch(/^None selected: pick at least one/);
  });
});

describe('instancesProblem', () => {
  it('explains the minimum of 5 by the test split', () => {
    expect(instancesProblem(4)).toMatch(/^At least 5: every fifth instance/);
    expect(instancesProblem(0)).toMatch(/^At least 5/);
    expect(instancesProblem(2.5)).toMatch(/^At least 5/);
  });
  it('accepts 5 to 500 and names the maximum above', () => {
    expect(instancesProblem(5)).toBeNull();
    expect(instancesProblem(500)).toBeNull();
    expect(instancesProblem(501)).toBe('At most 500 per family.');
  });
});

describe('backendAttemptText', () => {
  it('turns a missing package into its install command, keeping the raw error', () => {
    const raw = "Cannot find package '@tensorflow/tfjs-node' imported from /tmp/x/main/training/backend.ts";
    expect(backendAttemptText(raw)).toEqual({ text: 'not installed', installCommand: 'npm install @tensorflow/tfjs-node', raw });
    expect(backendAttemptText("Cannot find module '@tensorflow/tfjs-node-gpu'").installCommand).toBe('npm install @tensorflow/tfjs-node-gpu');
  });
  it('says a package that loads but fails could not be loaded, with the raw error', () => {
    const raw = 'libcudart.so.11.0: cannot open shared object file';
    expect(backendAttemptText(raw)).toEqual({ text: 'could not be loaded', installCommand: null, raw });
  });
  it('says unavailable when no reason was recorded', () => {
    expect(backendAttemptText(undefined)).toEqual({ text: 'unavailable', installCommand: null, raw: null });
  });
});
