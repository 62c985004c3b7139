// Electron's fuses, read straight from a binary: after the sentinel come the wire's version, its length and
// one byte per fuse ('0' off, '1' on, 'r' removed). Same layout @electron/fuses writes.
import { readFileSync } from 'node:fs';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1, in wire order. */
export const FUSE_NAMES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];

export function readFuses(binary) {
  const bytes = readFileSync(binary);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`${binary} has no fuse wire (sentinel not found).`);
  const wire = at + FUSE_SENTINEL.length;
  const version = bytes[wire];
  const length = bytes[wire + 1];
  const fuses = {};
  for (let i = 0; i < length; i++) {
    const state = String.fromCharCode(bytes[wire + 2 + i]);
    fuses[FUSE_NAMES[i] ?? `fuse${i}`] = state === '1' ? 'on' : state === '0' ? 'off' : state === 'r' ? 'removed' : `?${state}`;
  }
  return { version, fuses };
}
