// A startup self-check of the files the workbench reads or runs from disk, so a packaged app with a
// missing resource says which one at launch instead of failing later inside a run or a training job.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResourcePaths } from './resource-paths';

export interface ResourceEntry {
  name: string;
  path: string;
  present: boolean;
}

export function checkResources(paths: ResourcePaths): ResourceEntry[] {
  const entries: Array<[string, () => string]> = [
    ['prompts', () => join(paths.promptsDir, 'policy-react.md')],
    ['trainer worker', () => paths.trainerWorker.file],
    ['critic fit worker', () => paths.criticFitWorker.file],
    ['tfjs wasm binary', () => join(paths.tfjsWasmDir(), 'tfjs-backend-wasm.wasm')],
    ['playwright-core', () => join(paths.playwrightCoreDir(), 'package.json')],
  ];
  return entries.map(([name, locate]) => {
    try {
      const path = locate();
      return { name, path, present: existsSync(path) };
    } catch (err) {
      // A package that does not resolve at all.
      return { name, path: (err as Error).message.split('\n')[0], present: false };
    }
  });
}
