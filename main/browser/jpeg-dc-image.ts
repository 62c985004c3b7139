// The 1/8-scale image inside a baseline JPEG (issue 22 "Cheaper observation"): every 8×8 block's DC coefficient
// is the block's mean, so reading only the DC terms gives the picture box-filtered to 1/8 of its size without
// an inverse DCT. A filmstrip thumbnail of a 1280 px frame is exactly that (160 px): read from the frame the
// observation already has, it costs a few ms here instead of a second, rescaled capture in Chromium (which
// re-renders the page at another scale and then back). The AC terms still have to be decoded to be skipped.
// Baseline Huffman JPEGs (SOF0/SOF1, one interleaved scan, 1 or 3 components, any sampling, no restart
// intervals) only: anything else returns null and the caller falls back to a capture.

export interface DcImage {
  /** ceil(full size / 8). */
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  data: Uint8Array;
  /** The full image's size. */
  fullWidth: number;
  fullHeight: number;
}

interface Component {
  id: number;
  h: number;
  v: number;
  quant: number;
  dcTable: number;
  acTable: number;
  /** Block means (pixel values, 0–255) on the component's own block grid. */
  means: Float32Array;
  blocksPerLine: number;
}

/** A canonical Huffman table as lookups: codes up to 9 bits in one step, longer ones bit by bit. */
interface Huffman {
  fast: Int32Array; // index: next 9 bits → (length << 8) | symbol, or -1
  maxCode: Int32Array; // per length 1–16: the largest code of that length, or -1
  valPtr: Int32Array;
  minCode: Int32Array;
  symbols: Uint8Array;
}

const FAST_BITS = 9;

function buildHuffman(counts: Uint8Array, symbols: Uint8Array): Huffman {
  const fast = new Int32Array(1 << FAST_BITS).fill(-1);
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    valPtr[len] = k;
    minCode[len] = code;
    for (let i = 0; i < counts[len - 1]; i++, k++, code++) {
      if (len <= FAST_BITS) {
        const shift = FAST_BITS - len;
        for (let j = 0; j < 1 << shift; j++) fast[(code << shift) | j] = (len << 8) | symbols[k];
      }
    }
    maxCode[len] = counts[len - 1] ? code - 1 : -1;
    code <<= 1;
  }
  return { fast, maxCode, valPtr, minCode, symbols };
}

/** Reads the entropy-coded bits of a scan: 0xFF00 is a literal 0xFF; a marker ends the data (zeros follow). */
class BitReader {
  private acc = 0;
  private count = 0;
  constructor(private readonly bytes: Uint8Array, private pos: number) {}

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      if (this.pos < this.bytes.length) {
        byte = this.bytes[this.pos];
        if (byte === 0xff) {
          const next = this.bytes[this.pos + 1];
          if (next === 0) this.pos += 2;
          else byte = 0; // a marker: stay on it, read zeros
        } else this.pos++;
      }
      this.acc = ((this.acc << 8) | byte) >>> 0;
      this.count += 8;
    }
  }

  peek(n: number): number {
    if (this.count < n) this.fill();
    return (this.acc >>> (this.count - n)) & ((1 << n) - 1);
  }

  skip(n: number): void {
    if (this.count < n) this.fill();
    this.count -= n;
  }

  bits(n: number): number {
    if (n === 0) return 0;
    const value = this.peek(n);
    this.count -= n;
    return value;
  }

  decode(table: Huffman): number {
    const hit = table.fast[this.peek(FAST_BITS)];
    if (hit >= 0) {
      this.count -= hit >> 8;
      return hit & 0xff;
    }
    let code = 0;
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | this.bits(1);
      if (table.maxCode[len] >= 0 && code <= table.maxCode[len] && code >= table.minCode[len]) return table.symbols[table.valPtr[len] + code - table.minCode[len]];
    }
    throw new Error('bad Huffman code');
  }
}

/** The extended value of an s-bit magnitude category (JPEG's EXTEND). */
function extend(value: number, s: number): number {
  return value < 1 << (s - 1) ? value - (1 << s) + 1 : value;
}

/** The JPEG's 1/8-scale image (one pixel per 8×8 block of the full image, its mean), or null when the file is
 * not a baseline JPEG this reader handles. */
export function jpegDcImage(jpeg: Uint8Array): DcImage | null {
  try {
    return readDcImage(jpeg);
  } catch {
    return null;
  }
}

function readDcImage(bytes: Uint8Array): DcImage | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const quant: (Uint16Array | undefined)[] = [];
  const dcTables: (Huffman | undefined)[] = [];
  const acTables: (Huffman | undefined)[] = [];
  let components: Component[] = [];
  let width = 0;
  let height = 0;
  let pos = 2;
  while (pos + 4 <= bytes.length) {
    if (bytes[pos] !== 0xff) return null;
    if (bytes[pos + 1] === 0xff) {
      pos++; // fill byte before a marker
      continue;
    }
    const marker = bytes[pos + 1];
    const length = (bytes[pos + 2] << 8) | bytes[pos + 3];
    const body = pos + 4;
    const end = pos + 2 + length;
    if (marker === 0xdb) {
      for (let p = body; p < end;) {
        const precision = bytes[p] >> 4;
        const table = new Uint16Array(64);
        for (let i = 0; i < 64; i++) table[i] = precision ? (bytes[p + 1 + 2 * i] << 8) | bytes[p + 2 + 2 * i] : bytes[p + 1 + i];
        quant[bytes[p] & 15] = table;
        p += 1 + (precision ? 128 : 64);
      }
    } else if (marker === 0xc0 || marker === 0xc1) {
      if (bytes[body] !== 8) return null;
      height = (bytes[body + 1] << 8) | bytes[body + 2];
      width = (bytes[body + 3] << 8) | bytes[body + 4];
      const n = bytes[body + 5];
      if (n !== 1 && n !== 3) return null;
      components = Array.from({ length: n }, (_, i) => {
        const at = body + 6 + 3 * i;
        return { id: bytes[at], h: bytes[at + 1] >> 4, v: bytes[at + 1] & 15, quant: bytes[at + 2], dcTable: 0, acTable: 0, means: new Float32Array(0), blocksPerLine: 0 };
      });
    } else if (marker === 0xc4) {
      for (let p = body; p < end;) {
        const counts = bytes.subarray(p + 1, p + 17);
        const total = counts.reduce((a, b) => a + b, 0);
        const table = buildHuffman(counts, bytes.subarray(p + 17, p + 17 + total));
        ((bytes[p] >> 4) === 0 ? dcTables : acTables)[bytes[p] & 15] = table;
        p += 17 + total;
      }
    } else if (marker === 0xdd) {
      if ((bytes[body] << 8) | bytes[body + 1]) return null; // restart intervals: not read here (Chromium writes none)
    } else if (marker === 0xda) {
      if (components.length === 0 || bytes[body] !== components.length) return null; // one interleaved scan only
      for (let i = 0; i < components.length; i++) {
        const c = components.find((x) => x.id === bytes[body + 1 + 2 * i]);
        if (!c) return null;
        c.dcTable = bytes[body + 2 + 2 * i] >> 4;
        c.acTable = bytes[body + 2 + 2 * i] & 15;
      }
      return decodeScan(bytes, end, { width, height, components, quant, dcTables, acTables });
    } else if ((marker >= 0xc2 && marker <= 0xcf) || length < 2) {
      return null; // progressive, lossless, arithmetic-coded: not read here
    }
    pos = end;
  }
  return null;
}

interface Frame {
  width: number;
  height: number;
  components: Component[];
  quant: (Uint16Array | undefined)[];
  dcTables: (Huffman | undefined)[];
  acTables: (Huffman | undefined)[];
}

function decodeScan(bytes: Uint8Array, start: number, frame: Frame): DcImage | null {
  const { width, height, components } = frame;
  const hMax = Math.max(...components.map((c) => c.h));
  const vMax = Math.max(...components.map((c) => c.v));
  const single = components.length === 1;
  // A lone component is coded block by block, not in MCUs of its sampling factors.
  const mcusX = single ? Math.ceil(width / 8) : Math.ceil(width / (8 * hMax));
  const mcusY = single ? Math.ceil(height / 8) : Math.ceil(height / (8 * vMax));
  const tables = components.map((c) => ({ dc: frame.dcTables[c.dcTable], ac: frame.acTables[c.acTable], q: frame.quant[c.quant] }));
  if (tables.some((t) => !t.dc || !t.ac || !t.q)) return null;
  for (const c of components) {
    const h = single ? 1 : c.h;
    const v = single ? 1 : c.v;
    c.blocksPerLine = mcusX * h;
    c.means = new Float32Array(mcusX * h * mcusY * v);
  }
  const reader = new BitReader(bytes, start);
  const predictors = new Int32Array(components.length);
  const mcuCount = mcusX * mcusY;
  for (let mcu = 0; mcu < mcuCount; mcu++) {
    const mx = mcu % mcusX;
    const my = (mcu - mx) / mcusX;
    for (let ci = 0; ci < components.length; ci++) {
      const c = components[ci];
      const { dc, ac, q } = tables[ci];
      const h = single ? 1 : c.h;
      const v = single ? 1 : c.v;
      for (let by = 0; by < v; by++) {
        for (let bx = 0; bx < h; bx++) {
          const s = reader.decode(dc!);
          predictors[ci] += s ? extend(reader.bits(s), s) : 0;
          // The dequantised DC term over 8 is the block's mean before the level shift of 128.
          c.means[(my * v + by) * c.blocksPerLine + mx * h + bx] = (predictors[ci] * q![0]) / 8 + 128;
          for (let k = 1; k < 64;) {
            const rs = reader.decode(ac!);
            const size = rs & 15;
            if (size === 0) {
              if (rs >> 4 !== 15) break; // end of block
              k += 16;
              continue;
            }
            k += (rs >> 4) + 1;
            reader.skip(size);
          }
        }
      }
    }
  }
  return toRgba(frame, hMax, vMax);
}

function toRgba(frame: Frame, hMax: number, vMax: number): DcImage {
  const width = Math.ceil(frame.width / 8);
  const height = Math.ceil(frame.height / 8);
  const data = new Uint8Array(width * height * 4);
  const [y, cb, cr] = frame.components;
  const clamp = (x: number) => (x < 0 ? 0 : x > 255 ? 255 : Math.round(x));
  const sample = (c: Component, px: number, py: number) =>
    c.means[Math.floor((py * c.v) / vMax) * c.blocksPerLine + Math.floor((px * c.h) / hMax)];
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const o = (py * width + px) * 4;
      const luma = sample(y, px, py);
      if (!cb) {
        data[o] = data[o + 1] = data[o + 2] = clamp(luma);
      } else {
        // JFIF's YCbCr → RGB.
        const b = sample(cb, px, py) - 128;
        const r = sample(cr, px, py) - 128;
        data[o] = clamp(luma + 1.402 * r);
        data[o + 1] = clamp(luma - 0.344136 * b - 0.714136 * r);
        data[o + 2] = clamp(luma + 1.772 * b);
      }
      data[o + 3] = 255;
    }
  }
  return { width, height, data, fullWidth: frame.width, fullHeight: frame.height };
}
