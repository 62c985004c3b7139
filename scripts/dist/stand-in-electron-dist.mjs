// A stand-in for Electron's Linux distribution (electron-builder's `electronDist`), so `electron-builder
// --dir` packages the app without downloading Electron: the layout of electron-vX-linux-x64.zip, with an
// `electron` program that holds a fuse wire in Electron's default state (RunAsNode, NodeOptions, inspect
// arguments and file-protocol privileges on; the rest off). It cannot run the app; it lets the packaging,
// the file list and the fuse flipping be checked for real.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUSE_SENTINEL } from './fuses.mjs';

const DEFAULT_WIRE = '10110001';

export function makeStandInElectronDist(dir, version) {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_WIRE.length]), Buffer.from(DEFAULT_WIRE)]);
  const program = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron binary (dist:check): it cannot run the app" >&2\nexit 1\n# '),
    wire,
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), program);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), `${version}\n`);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for Electron (MIT).\n');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}
