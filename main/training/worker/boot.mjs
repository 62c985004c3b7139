// Worker bootstrap (ARCHITECTURE.md "trainer worker"): a worker_threads Worker does not inherit the parent's
// TypeScript loader, so when the entry is a .ts file (dev, tests, CLI via tsx) register tsx here first, then
// import the real entry. A bundled build passes a .js entry and skips the loader.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
