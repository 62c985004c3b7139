import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../main/training/backend';
import { actionLogProbs, mseLogRatioLoss } from '../../../main/training/policy-losses';

const require = createRequire(import.meta.url);
const installed = (pkg: string): boolean => {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
};
// On the project's machines neither native package is installed (tfjs-node-gpu is optional and its install
// fails offline); a machine that has one would rightly pick it, so the "picks wasm" check only runs here.
const nativeInstalled = installed('@tensorflow/tfjs-node-gpu') || installed('@tensorflow/tfjs-node');

// PROD only silences tfjs's "install tfjs-node" banner. Not IS_TEST: it turns on tfjs's per-kernel leak
// check, which misfires on wasm's logSoftmax (a customGrad op; tidy leaves nothing behind, measured).
beforeAll(() => {
  tf.enableProdMode();
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('selectBackend (docs/design/ARCHITECTURE.md §6: tfjs-node-gpu → tfjs-node → wasm → cpu)', () => {
  it.skipIf(nativeInstalled)('picks wasm here and reports the native backends as tried and failed', async () => {
    const selection = await selectBackend();
    expect(selection.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(selection.tried.map((a) => a.name)).toEqual(['tensorflow-gpu', 'tensorflow']);
    expect(selection.tried[0].error).toMatch(/tfjs-node-gpu/);
    expect(selection.reason).toMatch(/'wasm'.*fallback after tensorflow-gpu/);
    // the backend really computes
    expect(tf.tidy(() => Array.from(tf.square(tf.tensor1d([1, 2, 3])).dataSync()))).toEqual([1, 4, 9]);
  });

  it('on wasm, the policy gradient through actionLogProbs works and matches cpu (no gather kernel needed)', async () => {
    // Same hand-worked case as policy-losses.test.ts: logits [0, ln 2, 0], action 1, log-ratio 0, A = 1,
    // β = .1 → dL/dlogits = −.2·(onehot − π) = [.05, −.1, .05].
    const gradOn = async (backend: 'wasm' | 'cpu'): Promise<number[]> => {
      expect((await selectBackend(backend)).name).toBe(backend);
      return tf.tidy(() => {
        const g = tf.grad((logits: tf.Tensor) =>
          mseLogRatioLoss(actionLogProbs(logits as tf.Tensor2D, [1]), [Math.log(0.5)], [1], 0.1),
        );
        return Array.from(g(tf.tensor2d([[0, Math.log(2), 0]])).dataSync());
      });
    };
    const wasm = await gradOn('wasm');
    const cpu = await gradOn('cpu');
    [0.05, -0.1, 0.05].forEach((expected, i) => {
      expect(wasm[i]).toBeCloseTo(expected, 6);
      expect(cpu[i]).toBeCloseTo(expected, 6);
    });
  });

  it("preference 'cpu' forces cpu without trying anything else", async () => {
    const selection = await selectBackend({ preference: 'cpu' });
    expect(selection).toEqual({ name: 'cpu', reason: "Using TensorFlow.js backend 'cpu': preferred (cpu).", tried: [] });
    expect(tf.getBackend()).toBe('cpu');
    // the bare-string form is the same
    expect((await selectBackend('cpu')).name).toBe('cpu');
  });

  it('tries the packages in order and falls back when a module loads but its backend does not', async () => {
    const imported: string[] = [];
    const selection = await selectBackend({
      importModule: async (specifier) => {
        imported.push(specifier);
        // pretend tfjs-node-gpu loads but registers nothing: setBackend('tensorflow') must fail, not crash
        if (specifier === '@tensorflow/tfjs-node-gpu') return {};
        throw new Error(`Cannot find package '${specifier}'`);
      },
    });
    expect(imported).toEqual(['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node', '@tensorflow/tfjs-backend-wasm']);
    expect(selection.name).toBe('cpu');
    expect(selection.tried.map((a) => a.name)).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm']);
    expect(selection.tried[0].error).toMatch(/tensorflow/);
    expect(selection.tried[2].error).toMatch(/Cannot find package '@tensorflow\/tfjs-backend-wasm'/);
  });

  it('words an absent package as its install command in the reason line, keeping the raw error in tried', async () => {
    const raw = (specifier: string) => `Cannot find package '${specifier}' imported from /tmp/x/main/training/backend.ts`;
    const selection = await selectBackend({
      importModule: async (specifier) => {
        if (specifier === '@tensorflow/tfjs-node-gpu') throw new Error('libcudart.so.11.0: cannot open shared object file');
        throw new Error(raw(specifier));
      },
    });
    expect(selection.reason).toBe(
      "Using TensorFlow.js backend 'cpu': fallback after tensorflow-gpu (libcudart.so.11.0: cannot open shared object file); " +
        'tensorflow (not installed: `npm install @tensorflow/tfjs-node` to use it); wasm (not installed: `npm install @tensorflow/tfjs-backend-wasm` to use it).',
    );
    expect(selection.tried[1].error).toBe(raw('@tensorflow/tfjs-node'));
  });

  it('rejects an unknown preference', async () => {
    await expect(selectBackend({ preference: 'webgpu' as never })).rejects.toThrow(/unknown backend preference/);
  });
});
