// MT19937 (Matsumoto & Nishimura 1998) with numpy's legacy RandomState seeding and bounded integers, so a seed
// gives the very numbers `numpy.random.RandomState(seed).randint(low, high)` gives in Python. BrowserGym seeds
// each MiniWoB++ page this way (docs/design/WEBARENA.md §5); seeded-random.ts keeps the project's own generators.

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** The 32-bit Mersenne Twister, seeded as init_genrand(seed) — what numpy's RandomState(int) does. */
export class Mt19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`MT19937 seeds are integers 0 … 4294967295 (numpy's rule for RandomState); got ${seed}.`);
    }
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // 1812433253 * prev + i, mod 2^32 (Math.imul keeps the product's low 32 bits exact).
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  /** The next unsigned 32-bit output (genrand_int32). */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }
}

/** The smallest all-ones mask covering `max` (numpy's gen_mask). */
function maskFor(max: number): number {
  let mask = max >>> 0;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask >>> 0;
}

/** numpy's legacy `RandomState.randint(low, high)` (high exclusive) for ranges that fit 32 bits: draw 32-bit
 * outputs, keep the bits of the mask, reject values above high − low − 1 (masked rejection sampling). */
export function legacyRandint(rng: Mt19937, low: number, high: number): number {
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) throw new RangeError(`randint needs integers low < high; got ${low}, ${high}.`);
  const span = high - low - 1;
  if (span > 0xffffffff) throw new RangeError('randint over more than 2^32 values is not implemented (numpy draws 64-bit outputs there).');
  if (span === 0) return low;
  if (span === 0xffffffff) return low + rng.nextUint32();
  const mask = maskFor(span);
  let value: number;
  do value = (rng.nextUint32() & mask) >>> 0;
  while (value > span);
  return low + value;
}
