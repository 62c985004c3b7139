// The study's plots as inline SVG text (issue 17): test SR per phase with the 95% intervals as bands, the
// failure-mode mix of each phase's failed test episodes as stacked bars, the critics' held-out losses, and the
// perplexity filter's kept/filtered counts. The Training page and the HTML report embed the same markup.
import type { FailureModeName, StudyCell, StudyReport, StudyView } from '../../api/study-types';
import { FAILURE_MODE_NAMES } from './study-report';
import { axes, el, esc, legend, note, PALETTE, round, scale, svg, type Frame } from './svg';

const LEGEND_WIDTH = 165;
const frame = (width: number, height = 220): Frame => ({ width, height, pad: { left: 44, right: LEGEND_WIDTH, top: 12, bottom: 34 } });
const pct = (v: number) => `${Math.round(v * 100)}%`;
const colorOf = (report: StudyReport, variant: string) => PALETTE[report.variants.indexOf(variant) % PALETTE.length];
const phaseName = (p: number) => (p === 0 ? 'SFT' : `phase ${p}`);

export const FAILURE_COLORS: Record<FailureModeName, string> = { stuck_midway: '#d55e00', wrong_termination: '#0072b2', no_reasonable_attempt: '#e69f00', others: '#9aa5b1' };

export function studyPlots(report: StudyReport): StudyView['plots'] {
  return { successRate: successRatePlot(report), failureModes: failureModesPlot(report), criticLosses: criticLossesPlot(report), filterCounts: filterCountsPlot(report) };
}

/** Test SR per phase, one line per variant, its 95% interval as a translucent band. */
export function successRatePlot(report: StudyReport): string {
  const f = frame(520);
  const x = scale(report.phases[0] ?? 0, report.phases[report.phases.length - 1] ?? 1, f.pad.left + 16, f.width - f.pad.right - 16);
  const y = scale(0, 1, f.height - f.pad.bottom, f.pad.top);
  const parts = [axes(f, [0, 0.25, 0.5, 0.75, 1].map((v) => ({ value: v, label: pct(v) })), y, 'phase (0 = SFT)')];
  parts.push(...report.phases.map((p) => el('text', { x: x(p), y: f.height - f.pad.bottom + 14, 'text-anchor': 'middle', 'font-size': 11, fill: '#52606d' }, esc(phaseName(p)))));
  for (const variant of report.variants) {
    const cells = report.cells.filter((c) => c.variant === variant).sort((a, b) => a.phase - b.phase);
    if (cells.length === 0) continue;
    const color = colorOf(report, variant);
    const upper = cells.map((c) => `${x(c.phase)},${y(c.testSuccess.high)}`);
    const lower = [...cells].reverse().map((c) => `${x(c.phase)},${y(c.testSuccess.low)}`);
    parts.push(el('polygon', { points: [...upper, ...lower].join(' '), fill: color, 'fill-opacity': 0.15, stroke: 'none', 'data-testid': 'sr-band', 'data-variant': variant }));
    parts.push(el('polyline', { points: cells.map((c) => `${x(c.phase)},${y(c.testSuccess.mean)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
    parts.push(...cells.map((c) => el('circle', {
      cx: x(c.phase), cy: y(c.testSuccess.mean), r: 3.5, fill: color, 'data-testid': 'sr-point', 'data-variant': variant, 'data-phase': c.phase,
      'data-mean': round(c.testSuccess.mean), 'data-low': round(c.testSuccess.low), 'data-high': round(c.testSuccess.high),
    }, el('title', {}, esc(`${variant}, ${phaseName(c.phase)}: ${pct(c.testSuccess.mean)} (95% CI ${pct(c.testSuccess.low)}–${pct(c.testSuccess.high)}), ${c.testSuccess.n} episodes`)))));
  }
  parts.push(legend(f, report.variants.map((v) => ({ label: v, color: colorOf(report, v) }))));
  return svg(f, 'Test success rate per phase with 95% intervals', 'study-sr-bands', parts.join(''));
}

/** One bar per (variant, phase): the failed test episodes split by the analyzer's category. */
export function failureModesPlot(report: StudyReport): string {
  const bars = report.variants.flatMap((v) => report.phases.map((p) => report.cells.find((c) => c.variant === v && c.phase === p)).filter((c): c is StudyCell => !!c));
  const barWidth = 18;
  const gap = 6;
  const groupGap = 16;
  const inner = bars.length * (barWidth + gap) + report.variants.length * groupGap;
  const f = frame(Math.max(360, 44 + inner + LEGEND_WIDTH + 10), 240);
  const y = scale(0, 1, f.height - f.pad.bottom - 14, f.pad.top);
  const parts = [axes(f, [0, 0.5, 1].map((v) => ({ value: v, label: pct(v) })), y, 'share of failed test episodes, per variant and phase')];
  let cursor = f.pad.left + 8;
  for (const variant of report.variants) {
    const mine = bars.filter((c) => c.variant === variant);
    if (mine.length === 0) continue;
    const start = cursor;
    for (const c of mine) {
      let acc = 0;
      for (const mode of FAILURE_MODE_NAMES) {
        const share = c.failureShares[mode];
        if (share > 0) {
          parts.push(el('rect', {
            x: cursor, y: y(acc + share), width: barWidth, height: round(y(acc) - y(acc + share)), fill: FAILURE_COLORS[mode],
            'data-testid': 'failure-segment', 'data-variant': variant, 'data-phase': c.phase, 'data-mode': mode, 'data-share': round(share),
          }, el('title', {}, esc(`${variant}, ${phaseName(c.phase)}: ${mode.replace(/_/g, ' ')} ${pct(share)} of ${c.failed} failed`))));
        }
        acc += share;
      }
      if (c.failed === 0) parts.push(el('text', { x: cursor + barWidth / 2, y: y(0) - 3, 'text-anchor': 'middle', 'font-size': 9, fill: '#52606d' }, 'none'));
      parts.push(el('text', { x: cursor + barWidth / 2, y: y(0) + 11, 'text-anchor': 'middle', 'font-size': 9, fill: '#52606d' }, esc(c.phase === 0 ? 'S' : c.phase)));
      cursor += barWidth + gap;
    }
    parts.push(el('text', { x: (start + cursor - gap) / 2, y: y(0) + 23, 'text-anchor': 'middle', 'font-size': 10, fill: '#323f4b' }, esc(variant)));
    cursor += groupGap;
  }
  parts.push(legend(f, FAILURE_MODE_NAMES.map((m) => ({ label: m.replace(/_/g, ' '), color: FAILURE_COLORS[m] }))));
  return svg(f, 'Failure-mode mix of failed test episodes per phase', 'study-failure-bars', parts.join(''));
}

/** The critics' held-out losses per phase (value BCE, potential MSE), one line per variant, each on its own axis. */
export function criticLossesPlot(report: StudyReport): string {
  const panels = [
    { key: 'valueHeldOut' as const, title: 'value held-out BCE' },
    { key: 'potentialHeldOut' as const, title: 'potential held-out MSE' },
  ].map(({ key, title }) => {
    const cells = report.cells.filter((c) => c[key] !== null);
    const f = frame(300, 180);
    if (cells.length === 0) {
      const why = `${title}: ${noHeldOutLossWhy(report, key)}`;
      return svg(f, why, `study-critic-${key}`, note(f, why, 'study-critic-empty'));
    }
    const phases = report.phases.filter((p) => p > 0);
    const values = cells.map((c) => c[key] as number);
    const hi = Math.max(...values) * 1.1 || 1;
    const x = scale(phases[0] ?? 1, phases[phases.length - 1] ?? 1, f.pad.left + 12, f.width - f.pad.right - 12);
    const y = scale(0, hi, f.height - f.pad.bottom, f.pad.top);
    const parts = [axes(f, [0, hi / 2, hi].map((v) => ({ value: v, label: tick(v) })), y, `${title} per phase`)];
    for (const variant of report.variants) {
      const mine = cells.filter((c) => c.variant === variant).sort((a, b) => a.phase - b.phase);
      if (mine.length === 0) continue;
      const color = colorOf(report, variant);
      parts.push(el('polyline', { points: mine.map((c) => `${x(c.phase)},${y(c[key] as number)}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
      parts.push(...mine.map((c) => el('circle', { cx: x(c.phase), cy: y(c[key] as number), r: 3, fill: color, 'data-testid': 'critic-point', 'data-variant': variant, 'data-phase': c.phase, 'data-value': round(c[key] as number) },
        el('title', {}, esc(`${variant}, phase ${c.phase}: ${title} ${(c[key] as number).toFixed(4)}`)))));
    }
    parts.push(legend(f, report.variants.map((v) => ({ label: v, color: colorOf(report, v) }))));
    return svg(f, title, `study-critic-${key}`, parts.join(''));
  });
  return panels.join('');
}

/** Why a critic plot has no point: no MiRA phase yet; the potential critic fitted in none of them (the
 * no-potential variant, tasks without subgoals); or the critics fitted but with no held-out episodes (the
 * training audit of 2026-12-05: this read "no MiRA phase yet" beside a table of MiRA phases). */
export function noHeldOutLossWhy(report: Pick<StudyReport, 'cells'>, key: 'valueHeldOut' | 'potentialHeldOut'): string {
  const mira = report.cells.filter((c) => c.phase > 0);
  if (mira.length === 0) return 'no MiRA phase yet';
  if (key === 'potentialHeldOut' && !mira.some((c) => c.potentialFitted)) return 'not fitted (no potential critic in these variants, or tasks without subgoals)';
  const phases = new Set(mira.map((c) => c.phase)).size;
  const where = `${phases === 1 ? 'the' : `all ${phases}`} MiRA phase${phases === 1 ? '' : 's'}`;
  // V is judged only on a slice holding both outcomes (docs/design/MIRA.md §4.6); P on any held-out episodes.
  if (key === 'valueHeldOut') return `no held-out loss: no held-out slice held both a success and a failure in ${where} (V then trained on every episode)`;
  return `no held-out loss: the held-out set was empty in ${where} (too few rollouts of each outcome to hold one out)`;
}

/** New trajectories of each MiRA phase, split into kept and filtered by the perplexity filter (summed over seeds). */
export function filterCountsPlot(report: StudyReport): string {
  const cells = report.cells.filter((c) => c.filter !== null);
  const f = frame(Math.max(300, 44 + cells.length * 30 + report.variants.length * 12 + LEGEND_WIDTH), 200);
  if (cells.length === 0) {
    // Older records kept no filter counts for their MiRA phases.
    const why = `Perplexity filter: ${report.cells.some((c) => c.phase > 0) ? 'no counts recorded for these phases' : 'no MiRA phase yet'}`;
    return svg(f, why, 'study-filter-bars', note(f, why, 'study-filter-empty'));
  }
  const hi = Math.max(1, ...cells.map((c) => c.filter!.newTrajectories));
  const y = scale(0, hi, f.height - f.pad.bottom - 14, f.pad.top);
  const parts = [axes(f, [0, Math.round(hi / 2), hi].map((v) => ({ value: v, label: String(v) })), y, 'kept / filtered, per variant and phase')];
  let cursor = f.pad.left + 8;
  for (const variant of report.variants) {
    for (const c of cells.filter((x) => x.variant === variant)) {
      const { keptTrajectories: kept, newTrajectories: all } = c.filter!;
      parts.push(el('rect', { x: cursor, y: y(kept), width: 20, height: round(y(0) - y(kept)), fill: '#009e73', 'data-testid': 'filter-kept', 'data-variant': variant, 'data-phase': c.phase, 'data-count': kept },
        el('title', {}, esc(`${variant}, phase ${c.phase}: kept ${kept} of ${all} trajectories (${c.filter!.keptSteps} of ${c.filter!.newSteps} steps)`))));
      parts.push(el('rect', { x: cursor, y: y(all), width: 20, height: round(y(kept) - y(all)), fill: '#cbd2d9', 'data-testid': 'filter-dropped', 'data-count': all - kept }));
      parts.push(el('text', { x: cursor + 10, y: y(0) + 11, 'text-anchor': 'middle', 'font-size': 9, fill: '#52606d' }, esc(`${variant.slice(0, 4)}${c.phase}`)));
      cursor += 30;
    }
    cursor += 12;
  }
  parts.push(legend(f, [{ label: 'kept', color: '#009e73' }, { label: 'filtered', color: '#cbd2d9' }]));
  return svg(f, 'Perplexity filter: kept and filtered trajectories per phase', 'study-filter-bars', parts.join(''));
}

/** A loss tick short enough for the axis: 0, 0.25, 1.2e-4. */
function tick(v: number): string {
  if (v === 0) return '0';
  return v >= 0.01 && v < 1000 ? String(Number(v.toPrecision(2))) : v.toExponential(1);
}
