// One resolver for the workbench's files (issue 18): the same questions answered from source, from the
// esbuild bundle, and from a packaged app whose unpacked files sit in app.asar.unpacked. The packaged
// layout is laid out here as folders (plain Node cannot read an archive), as Electron presents it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES, resourcePaths, unpackedPath } from '../../../main/resources/resource-paths';
import { checkResources } from '../../../main/resources/resource-check';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('resource paths from source (tsx / vitest)', () => {
  it('finds the prompts, the worker through its tsx boot file, and the tfjs wasm binaries', () => {
    expect(RESOURCES.layout).toBe('source');
    expect(RESOURCES.appRoot.replace(/[\\/]$/, '')).toBe(ROOT);
    expect(existsSync(join(RESOURCES.promptsDir, 'policy-sgo.md'))).toBe(true);
    expect(RESOURCES.trainerWorker.file).toBe(join(ROOT, 'main/training/worker/boot.mjs'));
    expect(fileURLToPath(RESOURCES.trainerWorker.entry)).toBe(join(ROOT, 'main/training/worker/trainer-worker.ts'));
    expect(RESOURCES.criticFitWorker.file).toBe(join(ROOT, 'main/training/worker/boot.mjs'));
    expect(fileURLToPath(RESOURCES.criticFitWorker.entry)).toBe(join(ROOT, 'main/training/worker/critic-fit-worker.ts'));
    expect(RESOURCES.tfjsWasmDir().endsWith(sep)).toBe(true);
    expect(existsSync(`${RESOURCES.tfjsWasmDir()}tfjs-backend-wasm-simd.wasm`)).toBe(true);
    expect(checkResources(RESOURCES).filter((e) => !e.present)).toEqual([]);
  });

  it('from the bundle, the workers are the bundled trainer-worker.cjs and critic-fit-worker.cjs beside main.cjs', () => {
    const bundled = resourcePaths({ appRoot: ROOT, bundleDir: join(ROOT, 'dist', 'electron') });
    expect(bundled.layout).toBe('bundle');
    expect(bundled.trainerWorker.file).toBe(join(ROOT, 'dist', 'electron', 'trainer-worker.cjs'));
    expect(bundled.criticFitWorker.file).toBe(join(ROOT, 'dist', 'electron', 'critic-fit-worker.cjs'));
    expect(bundled.promptsDir).toBe(join(ROOT, 'resources', 'prompts'));
  });
});

describe('resource paths in a packaged app (app.asar + app.asar.unpacked)', () => {
  let resourcesDir: string;
  beforeAll(async () => {
    resourcesDir = await mkdtemp(join(tmpdir(), 'mira-asar-layout-'));
    for (const root of ['app.asar', 'app.asar.unpacked']) {
      for (const pkg of ['@tensorflow/tfjs-backend-wasm', 'playwright-core']) {
        await mkdir(join(resourcesDir, root, 'node_modules', pkg), { recursive: true });
        await writeFile(join(resourcesDir, root, 'node_modules', pkg, 'package.json'), JSON.stringify({ name: pkg }));
      }
    }
    await writeFile(join(resourcesDir, 'app.asar', 'package.json'), JSON.stringify({ name: 'mira-workbench' }));
  });
  afterAll(async () => {
    await rm(resourcesDir, { recursive: true, force: true });
  });

  it('reads packed files from the archive and points at unpacked ones beside it', () => {
    const app = join(resourcesDir, 'app.asar');
    const packaged = resourcePaths({ appRoot: app, bundleDir: join(app, 'dist', 'electron') });
    expect(packaged.layout).toBe('asar');
    expect(packaged.promptsDir).toBe(join(app, 'resources', 'prompts'));
    expect(packaged.trainerWorker.file).toBe(join(app, 'dist', 'electron', 'trainer-worker.cjs'));
    expect(packaged.tfjsWasmDir()).toBe(join(resourcesDir, 'app.asar.unpacked', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + sep);
    expect(packaged.playwrightCoreDir()).toBe(join(resourcesDir, 'app.asar.unpacked', 'node_modules', 'playwright-core'));
  });

  it('maps only a whole app.asar path segment', () => {
    expect(unpackedPath('/opt/MiRA/resources/app.asar/node_modules/x')).toBe('/opt/MiRA/resources/app.asar.unpacked/node_modules/x');
    expect(unpackedPath('C:\\MiRA\\resources\\app.asar\\node_modules\\x')).toBe('C:\\MiRA\\resources\\app.asar.unpacked\\node_modules\\x');
    expect(unpackedPath('/opt/MiRA/resources/app.asar.unpacked/x')).toBe('/opt/MiRA/resources/app.asar.unpacked/x');
    expect(unpackedPath('/home/me/myapp.asar/x')).toBe('/home/me/myapp.asar/x');
    expect(unpackedPath('/work/main/node_modules/x')).toBe('/work/main/node_modules/x');
  });

  it('names a package that does not resolve instead of throwing at startup', () => {
    const broken = resourcePaths({ appRoot: join(resourcesDir, 'nowhere'), bundleDir: null });
    const entries = checkResources(broken);
    expect(entries.find((e) => e.name === 'tfjs wasm binary')).toMatchObject({ present: false, path: expect.stringContaining("Cannot find module '@tensorflow/tfjs-backend-wasm/package.json'") });
    expect(entries.find((e) => e.name === 'prompts')?.present).toBe(false);
  });
});
