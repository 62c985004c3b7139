import type { MiraBandKey, MiraNumberKey } from '../../../../main/api/mira-overrides';
import { MIRA_BAND_FIELDS, MIRA_NUMBER_FIELDS, rangeText, shortNumber, type MiraFormValues } from './mira-fields';

/** The Training form's "Advanced (MiRA hyper-parameters)" section, collapsed by default: every value of
 * docs/design/MIRA.md §6 a job may change, a blank field keeping its default (the placeholder), each labelled with
 * its valid range. The form checks the values when it starts the job (mira-fields.ts). */
export function MiraAdvancedFields({ values, onChange }: { values: MiraFormValues; onChange(values: MiraFormValues): void }) {
  const setNumber = (key: MiraNumberKey, text: string) => onChange({ ...values, numbers: { ...values.numbers, [key]: text } });
  const setBand = (key: MiraBandKey, end: 0 | 1, text: string) => {
    const band: [string, string] = [...(values.bands[key] ?? ['', ''])];
    band[end] = text;
    onChange({ ...values, bands: { ...values.bands, [key]: band } });
  };
  return (
    <details className="training-advanced" data-testid="training-advanced">
      <summary>Advanced (MiRA hyper-parameters)</summary>
      <p className="small muted">Blank fields keep their default (shown greyed); docs/design/MIRA.md §6 says where each default comes from.</p>
      {MIRA_NUMBER_FIELDS.map((f) => (
        <label key={f.key}>
          {f.label} <span className="small muted">{rangeText(f.range)}</span>{' '}
          <input type="text" inputMode="decimal" aria-label={f.label} placeholder={String(f.default)} value={values.numbers[f.key] ?? ''} onChange={(e) => setNumber(f.key, e.target.value)} />
        </label>
      ))}
      {MIRA_BAND_FIELDS.map((f) => (
        <fieldset key={f.key} className="inline">
          <legend>{f.label} <span className="small muted">both in {rangeText(f.range)}</span></legend>
          {(['low', 'high'] as const).map((end, i) => (
            <input
              key={end} type="text" inputMode="decimal" aria-label={`${f.label} ${end}`} placeholder={shortNumber(f.default[i])}
              value={values.bands[f.key]?.[i] ?? ''} onChange={(e) => setBand(f.key, i as 0 | 1, e.target.value)}
            />
          ))}
        </fieldset>
      ))}
      <label>Return G_t sums{' '}
        <select aria-label="Return G_t sums" value={values.returnKind} onChange={(e) => onChange({ ...values, returnKind: e.target.value as MiraFormValues['returnKind'] })}>
          <option value="">default (shaped)</option>
          <option value="shaped">shaped rewards</option>
          <option value="raw">raw rewards</option>
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={values.perplexityFilter} onChange={(e) => onChange({ ...values, perplexityFilter: e.target.checked })} /> Perplexity filter (off: train on all new data)
      </label>
    </details>
  );
}
