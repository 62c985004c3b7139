import type { CoreInfo } from '../../../../main/api/contract';
import type { WorkbenchSettings } from '../../../../main/api/settings';

type Judge = WorkbenchSettings['judge'];

/** The LLM that judges WebArena's fuzzy_match checks and the N/A rule (docs/design/WEBARENA.md §2.2): the run's
 * own by default, or a fixed judge model so runs of different agents (an oracle or a baseline included, which
 * have no LLM) are judged alike, as the originals fix gpt-4-1106-preview. Its key and base URL are the
 * provider's above. A run records the judge it used. */
export function JudgeField({ judge, info, onChange }: { judge: Judge; info: CoreInfo | null; onChange(judge: Judge): void }) {
  const own = judge.provider === 'run';
  return (
    <fieldset data-testid="judge-setting">
      <legend>Judge (fuzzy_match)</legend>
      <div className="field">
        <label htmlFor="judge-provider">Judge provider</label>
        <select id="judge-provider" value={judge.provider} onChange={(e) => onChange({ provider: e.target.value as Judge['provider'], model: e.target.value === 'run' ? null : judge.model })}>
          <option value="run">The run's LLM</option>
          {info?.registries.providerIds.map((id) => <option key={id} value={id}>{info.registries.providers[id].label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="judge-model">Judge model</label>
        <input id="judge-model" disabled={own} placeholder={own ? "the run's model" : "that provider's model above"} value={judge.model ?? ''}
          onChange={(e) => onChange({ ...judge, model: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
      </div>
      <span className="small muted" data-testid="judge-how">
        {own ? 'Judged by the LLM each run uses: runs with different models are not comparable on judged tasks, and runs without an LLM cannot score them.'
          : 'Every run is judged by this model at temperature 0, with the key and base URL set for its provider above (run --judge-provider and --judge-model override it for one run).'}
      </span>
    </fieldset>
  );
}
