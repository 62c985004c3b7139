import type { MiraBandKey, MiraFieldSpec, MiraNumberKey, MiraOverrides, MiraReturnKind, ValueRange } from '../../../../main/api/mira-overrides';

// The Training form's Advanced section: every MiRA value of docs/design/MIRA.md §6 a job may set, with its default
// (the placeholder) and the range the API accepts. The renderer imports only types from main/ (layering rule), so
// the table is repeated here; test/unit/renderer/mira-fields.test.ts keeps it equal to main/api/mira-overrides.ts.

export const MIRA_NUMBER_FIELDS: readonly MiraFieldSpec<MiraNumberKey, number>[] = [
  { key: 'alpha', flag: 'alpha', label: 'α shaping weight', default: 0.3, range: { min: 0, max: 10 } },
  { key: 'lambda', flag: 'lambda', label: 'λ TD vs Monte-Carlo mix', default: 0.5, range: { min: 0, max: 1 } },
  { key: 'gamma', flag: 'gamma', label: 'γ discount', default: 1, range: { min: 0, max: 1 } },
  { key: 'beta', flag: 'beta', label: 'β log-ratio scale', default: 0.1, range: { min: 0, max: 100, aboveMin: true } },
  { key: 'replayCapRatio', flag: 'replay-cap', label: 'replay cap (× new data)', default: 2, range: { min: 0, max: 100 } },
  { key: 'criticHeldOut', flag: 'critic-held-out', label: 'critic held-out fraction', default: 0.2, range: { min: 0, max: 0.5 } },
];

export const MIRA_BAND_FIELDS: readonly MiraFieldSpec<MiraBandKey, readonly [number, number]>[] = [
  { key: 'perplexityBounds', flag: 'perplexity-band', label: 'perplexity band', default: [1 / 0.95, 1 / 0.5], range: { min: 1, max: 10_000 } },
  { key: 'curriculumBand', flag: 'curriculum-band', label: 'curriculum band (predicted success)', default: [0.05, 0.75], range: { min: 0, max: 1 } },
];

/** What the Advanced inputs hold: text as typed ('' = the default), the return kind ('' = default), the filter switch. */
export interface MiraFormValues {
  numbers: Partial<Record<MiraNumberKey, string>>;
  bands: Partial<Record<MiraBandKey, [string, string]>>;
  returnKind: '' | MiraReturnKind;
  perplexityFilter: boolean;
}

export const EMPTY_MIRA_FORM: MiraFormValues = { numbers: {}, bands: {}, returnKind: '', perplexityFilter: true };

/** "[0, 1]" or "(0, 100]". */
export function rangeText(range: ValueRange): string {
  return `${range.aboveMin ? '(' : '['}${range.min}, ${range.max}]`;
}

export const shortNumber = (x: number) => String(+x.toFixed(4));

function inRange(x: number, range: ValueRange): boolean {
  return Number.isFinite(x) && (range.aboveMin ? x > range.min : x >= range.min) && x <= range.max;
}

/** The overrides the form's values give (only the fields filled in), and a sentence per invalid field, naming it. */
export function readMiraForm(values: MiraFormValues): { overrides: MiraOverrides; problems: string[] } {
  const overrides: MiraOverrides = {};
  const problems: string[] = [];
  for (const f of MIRA_NUMBER_FIELDS) {
    const text = values.numbers[f.key]?.trim() ?? '';
    if (text === '') continue;
    const x = Number(text);
    if (inRange(x, f.range)) overrides[f.key] = x;
    else problems.push(`${f.label} must be a number in ${rangeText(f.range)}, not "${text}".`);
  }
  for (const f of MIRA_BAND_FIELDS) {
    const [loText = '', hiText = ''] = (values.bands[f.key] ?? ['', '']).map((t) => t.trim());
    if (loText === '' && hiText === '') continue;
    const [lo, hi] = [loText === '' ? f.default[0] : Number(loText), hiText === '' ? f.default[1] : Number(hiText)];
    if (!inRange(lo, f.range) || !inRange(hi, f.range)) problems.push(`${f.label}: both ends must be numbers in ${rangeText(f.range)}.`);
    else if (lo > hi) problems.push(`${f.label}: the low end (${lo}) must not exceed the high end (${hi}).`);
    else overrides[f.key] = [lo, hi];
  }
  if (values.returnKind) overrides.returnKind = values.returnKind;
  if (!values.perplexityFilter) overrides.perplexityFilter = false;
  return { overrides, problems };
}

/** "α shaping weight 0.5 (default 0.3)" per value a job changed, for its panel; [] when it changed none. */
export function miraSettingsList(overrides: MiraOverrides | undefined): string[] {
  if (!overrides) return [];
  return [
    ...MIRA_NUMBER_FIELDS.flatMap((f) => (overrides[f.key] === undefined ? [] : [`${f.label} ${overrides[f.key]} (default ${f.default})`])),
    ...MIRA_BAND_FIELDS.flatMap((f) => {
      const band = overrides[f.key];
      return band ? [`${f.label} [${band.map(shortNumber).join(', ')}] (default [${f.default.map(shortNumber).join(', ')}])`] : [];
    }),
    ...(overrides.returnKind ? [`return ${overrides.returnKind} (default shaped)`] : []),
    ...(overrides.perplexityFilter === false ? ['perplexity filter off (default on)'] : []),
  ];
}
