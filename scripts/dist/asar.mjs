// Reads an asar archive (Electron's app archive) without Electron: the header lists every file, its size,
// and whether it was unpacked to app.asar.unpacked. Layout: an 8-byte pickle holding the header's size, the
// header pickle (payload size, string length, JSON), then the files' bytes.
import { closeSync, copyFileSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function readHeader(archive) {
  const fd = openSync(archive, 'r');
  try {
    const sizePickle = Buffer.alloc(8);
    readSync(fd, sizePickle, 0, 8, 0);
    const headerSize = sizePickle.readUInt32LE(4);
    const header = Buffer.alloc(headerSize);
    readSync(fd, header, 0, headerSize, 8);
    const jsonLength = header.readUInt32LE(4);
    return { tree: JSON.parse(header.subarray(8, 8 + jsonLength).toString('utf8')), dataStart: 8 + headerSize };
  } finally {
    closeSync(fd);
  }
}

/** Every file in the archive: { path (with /), size, unpacked }. */
export function listAsar(archive) {
  const files = [];
  const walk = (node, prefix) => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, path);
      else if (!entry.link) files.push({ path, size: entry.size ?? 0, unpacked: Boolean(entry.unpacked), offset: entry.offset });
    }
  };
  walk(readHeader(archive).tree, '');
  return files;
}

/** One packed file's bytes. */
export function readAsarFile(archive, path) {
  const { dataStart } = readHeader(archive);
  const file = listAsar(archive).find((f) => f.path === path);
  if (!file || file.unpacked) throw new Error(`${path} is not packed in ${archive}.`);
  const fd = openSync(archive, 'r');
  try {
    const bytes = Buffer.alloc(file.size);
    readSync(fd, bytes, 0, file.size, dataStart + Number(file.offset));
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Writes the archive's files under `target`, as Electron shows them (unpacked ones copied from beside it). */
export function extractAsar(archive, target) {
  const { dataStart } = readHeader(archive);
  const fd = openSync(archive, 'r');
  try {
    for (const file of listAsar(archive)) {
      const out = join(target, ...file.path.split('/'));
      mkdirSync(dirname(out), { recursive: true });
      if (file.unpacked) {
        copyFileSync(join(`${archive}.unpacked`, ...file.path.split('/')), out);
        continue;
      }
      const bytes = Buffer.alloc(file.size);
      if (file.size) readSync(fd, bytes, 0, file.size, dataStart + Number(file.offset));
      writeFileSync(out, bytes);
    }
  } finally {
    closeSync(fd);
  }
}
