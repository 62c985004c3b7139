// Worker bootstrap (docs/design/ARCHITECTURE.md §6): a worker_threads Worker does not inherit the parent's
// TypeScript loader, so when the entry is a .ts file (dev, tests, CLI via tsx) register tsx here first, then
// import the real entry. The Electron build starts its bundled worker (dist/electron/trainer-worker.cjs)
// directly, without this file (main/resources/resource-paths.ts).
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
