// Whether two runs differ on the tasks both ran, beyond chance: the exact two-sided sign test over the tasks
// whose outcome changed (for one attempt per task this is the exact McNemar test). Ties (tasks with the same
// outcome in both) carry no evidence either way and are left out, as the test prescribes.

/**
 * Two-sided p-value of the exact sign test: under "neither run is better", each of the n = better + worse
 * changed tasks goes either way with probability ½, so p = min(1, 2·Σ_{i=0}^{min(better, worse)} C(n, i) / 2ⁿ).
 * 1 when nothing changed. Summed in log space, so thousands of tasks neither overflow nor underflow.
 */
export function signTestP(better: number, worse: number): number {
  for (const [name, x] of [['better', better], ['worse', worse]] as const) {
    if (!Number.isInteger(x) || x < 0) throw new Error(`signTestP: ${name} must be an integer >= 0, got ${String(x)}`);
  }
  const n = better + worse;
  const tail = Math.min(better, worse);
  let logC = 0; // log C(n, 0)
  let sum = 0;
  for (let i = 0; i <= tail; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    sum += Math.exp(logC - n * Math.LN2);
  }
  return Math.min(1, 2 * sum);
}

/** The compare page's sentence for it: how many shared tasks B did better and worse on, and the p-value. */
export function signTestText(better: number, worse: number, same: number): string {
  const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;
  const counts = `B did better than A on ${tasks(better)}, worse on ${tasks(worse)} and the same on ${same}.`;
  if (better + worse === 0) return `${counts} No task changed outcome: no evidence either run is better.`;
  const p = signTestP(better, worse);
  const shown = p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
  const verdict = p < 0.05 ? 'a difference this large is unlikely by chance' : 'a difference this large is common by chance: no clear winner';
  return `${counts} Exact two-sided sign test over the ${tasks(better + worse)} that changed: ${shown} (${verdict}).`;
}
