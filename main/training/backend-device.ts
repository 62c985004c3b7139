// One line naming the device a TensorFlow.js backend computes on (issue 17: "the backend line of every job names
// the device"), e.g. "wasm (SIMD, 1 thread)" or "tfjs-node-gpu (CUDA, NVIDIA H200)". Read after the backend is
// active; a probe that fails says "unknown" rather than failing the job.
import { execFile } from 'node:child_process';
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from './backend';

export async function describeDevice(name: BackendName, importModule: (specifier: string) => Promise<unknown> = (s) => import(s)): Promise<string> {
  switch (name) {
    case 'wasm': {
      const simd = await flag('WASM_HAS_SIMD_SUPPORT');
      const threads = await wasmThreads(importModule);
      return `wasm (${simd === null ? 'SIMD unknown' : simd ? 'SIMD' : 'no SIMD'}, ${threads === null ? 'threads unknown' : `${threads} thread${threads === 1 ? '' : 's'}`})`;
    }
    case 'tensorflow-gpu':
      return `tfjs-node-gpu (CUDA, ${(await gpuName()) ?? 'GPU name unknown'})`;
    case 'tensorflow':
      return 'tfjs-node (CPU, libtensorflow)';
    case 'cpu':
      return 'cpu (plain JavaScript, 1 thread)';
  }
}

async function flag(name: string): Promise<boolean | null> {
  try {
    return Boolean(await tf.env().getAsync(name));
  } catch {
    return null;
  }
}

/** Threads the wasm backend runs its kernels on: 1 without the multithreaded build (Node's default). */
async function wasmThreads(importModule: (specifier: string) => Promise<unknown>): Promise<number | null> {
  try {
    const wasm = (await importModule('@tensorflow/tfjs-backend-wasm')) as { getThreadsCount?: () => number; default?: { getThreadsCount?: () => number } };
    const count = (wasm.getThreadsCount ?? wasm.default?.getThreadsCount)?.();
    return typeof count === 'number' && count > 0 ? count : null;
  } catch {
    return null;
  }
}

/** The first GPU's name from nvidia-smi (present wherever CUDA drivers are); null when it cannot be asked. */
function gpuName(): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], { timeout: 5000 }, (err, stdout) => {
      resolve(err ? null : stdout.split('\n')[0].trim() || null);
    });
  });
}
