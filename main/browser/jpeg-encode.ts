// A small baseline JPEG encoder for thumbnails (frame-thumbnail.ts): 4:4:4 YCbCr, the standard quantisation and
// Huffman tables of ITU-T T.81 Annex K scaled by quality as libjpeg does. jpeg-js's encoder builds ~64k-entry
// lookup tables on every call (tens of ms), far more than a 160 × 90 image takes to encode (a few ms).

/** T.81 Annex K tables, natural (row-major) order. */
const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
  18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const CHROMA_QUANT = [
  17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
  ...new Array<number>(32).fill(99),
];
/** Zigzag position k → natural index. */
const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
  35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];
const AC_LUMA_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
  0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
  0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
  0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
  0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
  0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
  0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];
const AC_CHROMA_VALUES = [
  0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91,
  0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
  0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58,
  0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
  0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4,
  0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
  0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

interface HuffmanSpec {
  /** Codes of each length 1–16. */
  counts: number[];
  values: number[];
}
const DC_LUMA: HuffmanSpec = { counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], values: DC_VALUES };
const AC_LUMA: HuffmanSpec = { counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d], values: AC_LUMA_VALUES };
const DC_CHROMA: HuffmanSpec = { counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], values: DC_VALUES };
const AC_CHROMA: HuffmanSpec = { counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77], values: AC_CHROMA_VALUES };

/** symbol → [code, length] of a canonical Huffman table. */
function codesOf(spec: HuffmanSpec): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++, code <<= 1) for (let i = 0; i < spec.counts[len - 1]; i++) codes.set(spec.values[k++], [code++, len]);
  return codes;
}
const CODES = { dcLuma: codesOf(DC_LUMA), acLuma: codesOf(AC_LUMA), dcChroma: codesOf(DC_CHROMA), acChroma: codesOf(AC_CHROMA) };

/** cos table of the 8-point DCT-II with its normalisation: COS[u * 8 + x] = C(u)/2 · cos((2x+1)uπ/16). */
const COS = new Float64Array(64).map((_, i) => {
  const u = Math.floor(i / 8);
  const x = i % 8;
  return (u === 0 ? Math.SQRT1_2 : 1) / 2 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

function scaledQuant(table: number[], quality: number): number[] {
  const q = Math.min(100, Math.max(1, Math.round(quality)));
  const scale = q < 50 ? Math.floor(5000 / q) : 200 - 2 * q;
  return table.map((t) => Math.min(255, Math.max(1, Math.floor((t * scale + 50) / 100))));
}

class BitWriter {
  readonly bytes: number[] = [];
  private acc = 0;
  private count = 0;

  write(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.count === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
    this.acc = 0;
    this.count = 0;
  }

  /** Pads the last byte with 1 bits. */
  finish(): void {
    while (this.count !== 0) this.write(1, 1);
  }
}

/** Magnitude category of a coefficient: the number of bits of |value|. */
function category(value: number): number {
  let n = 0;
  for (let a = Math.abs(value); a > 0; a >>= 1) n++;
  return n;
}

/** Encodes an RGBA image (4 bytes a pixel) as a baseline JPEG at `quality` (1–100). */
export function encodeJpeg(image: { width: number; height: number; data: Uint8Array }, quality: number): Buffer {
  const { width, height, data } = image;
  const quants = [scaledQuant(LUMA_QUANT, quality), scaledQuant(CHROMA_QUANT, quality)];
  const out = new BitWriter();
  const predictors = [0, 0, 0];
  const block = new Float64Array(64);
  const rows = new Float64Array(64);
  const planes = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let i = 0; i < 64; i++) {
        // Edge blocks repeat the last row and column.
        const x = Math.min(width - 1, bx + (i % 8));
        const y = Math.min(height - 1, by + (i >> 3));
        const o = (y * width + x) * 4;
        const r = data[o];
        const g = data[o + 1];
        const b = data[o + 2];
        planes[0][i] = 0.299 * r + 0.587 * g + 0.114 * b - 128;
        planes[1][i] = -0.168736 * r - 0.331264 * g + 0.5 * b;
        planes[2][i] = 0.5 * r - 0.418688 * g - 0.081312 * b;
      }
      for (let c = 0; c < 3; c++) {
        const plane = planes[c];
        // Rows, then columns: F(v,u) = Σy COS[v,y] Σx COS[u,x] f(y,x).
        for (let y = 0; y < 8; y++) for (let u = 0; u < 8; u++) {
          let sum = 0;
          for (let x = 0; x < 8; x++) sum += COS[u * 8 + x] * plane[y * 8 + x];
          rows[y * 8 + u] = sum;
        }
        for (let v = 0; v < 8; v++) for (let u = 0; u < 8; u++) {
          let sum = 0;
          for (let y = 0; y < 8; y++) sum += COS[v * 8 + y] * rows[y * 8 + u];
          block[v * 8 + u] = sum;
        }
        const quant = quants[c === 0 ? 0 : 1];
        const dcCodes = c === 0 ? CODES.dcLuma : CODES.dcChroma;
        const acCodes = c === 0 ? CODES.acLuma : CODES.acChroma;
        const dc = Math.round(block[0] / quant[0]);
        const diff = dc - predictors[c];
        predictors[c] = dc;
        writeValue(out, dcCodes, 0, diff);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const n = ZIGZAG[k];
          const value = Math.round(block[n] / quant[n]);
          if (value === 0) {
            run++;
            continue;
          }
          for (; run > 15; run -= 16) out.write(...acCodes.get(0xf0)!);
          writeValue(out, acCodes, run, value);
          run = 0;
        }
        if (run > 0) out.write(...acCodes.get(0x00)!);
      }
    }
  }
  out.finish();
  return Buffer.concat([header(width, height, quants), Buffer.from(out.bytes), Buffer.from([0xff, 0xd9])]);
}

/** A (run, value) pair: the Huffman code of run/category, then the value's bits (one's complement if negative). */
function writeValue(out: BitWriter, codes: Map<number, [number, number]>, run: number, value: number): void {
  const size = category(value);
  out.write(...codes.get((run << 4) | size)!);
  if (size) out.write(value > 0 ? value : value + (1 << size) - 1, size);
}

function header(width: number, height: number, quants: number[][]): Buffer {
  const bytes: number[] = [0xff, 0xd8];
  const segment = (marker: number, body: number[]) => bytes.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body);
  segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]); // JFIF 1.1, no thumbnail
  segment(0xdb, quants.flatMap((q, id) => [id, ...ZIGZAG.map((n) => q[n])]));
  segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);
  const table = (id: number, spec: HuffmanSpec) => [id, ...spec.counts, ...spec.values];
  segment(0xc4, [...table(0x00, DC_LUMA), ...table(0x10, AC_LUMA), ...table(0x01, DC_CHROMA), ...table(0x11, AC_CHROMA)]);
  segment(0xda, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
  return Buffer.from(bytes);
}
