import type { CoreInfo } from '../../../../main/api/contract';
import type { SecretName, SecretStatus, WorkbenchSettings } from '../../../../main/api/settings';
import { SecretField } from './SecretField';

type Judge = WorkbenchSettings['judge'];

/** The judge key's field (SecretField): its saved status, and whether the judge's base URL has unsaved edits. */
export interface JudgeKey {
  status: SecretStatus;
  pendingEndpoint: boolean;
  onSave(name: SecretName, value: string): Promise<void>;
  onClear(name: SecretName): Promise<void>;
}

/** The LLM that judges WebArena's fuzzy_match checks and the N/A rule (docs/design/WEBARENA.md §2.2): the run's
 * own by default, or a fixed judge model so runs of different agents (an oracle or a baseline included, which
 * have no LLM) are judged alike, as the originals fix gpt-4-1106-preview. A fixed judge may have a server of its
 * own (a local agent on vLLM judged by a hosted model), with its own key; else the provider's above. A run
 * records the judge it used, never its key. */
export function JudgeField({ judge, info, onChange, judgeKey }: { judge: Judge; info: CoreInfo | null; onChange(judge: Judge): void; judgeKey: JudgeKey }) {
  const own = judge.provider === 'run';
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  return (
    <fieldset data-testid="judge-setting">
      <legend>Judge (fuzzy_match)</legend>
      <div className="field">
        <label htmlFor="judge-provider">Judge provider</label>
        <select id="judge-provider" value={judge.provider} onChange={(e) => {
          const provider = e.target.value as Judge['provider'];
          onChange(provider === 'run' ? { provider, model: null, baseUrl: null } : { ...judge, provider });
        }}>
          <option value="run">The run's LLM</option>
          {info?.registries.providerIds.map((id) => <option key={id} value={id}>{info.registries.providers[id].label}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="judge-model">Judge model</label>
        <input id="judge-model" disabled={own} placeholder={own ? "the run's model" : "that provider's model above"} value={judge.model ?? ''}
          onChange={(e) => onChange({ ...judge, model: text(e.target.value) })} />
      </div>
      <div className="field">
        <label htmlFor="judge-url">Judge base URL</label>
        <input id="judge-url" disabled={own} placeholder={own ? "the run's server" : "that provider's base URL above"} value={judge.baseUrl ?? ''}
          onChange={(e) => onChange({ ...judge, baseUrl: text(e.target.value) })} />
      </div>
      {!own && <SecretField name="judge_api_key" label="Judge API key" {...judgeKey} />}
      <span className="small muted" data-testid="judge-how">
        {own ? 'Judged by the LLM each run uses: runs with different models are not comparable on judged tasks, and runs without an LLM cannot score them.'
          : judge.baseUrl ? "Every run is judged by this model at temperature 0 on the judge's own server, with the judge's API key only (run --judge-provider, --judge-model and --judge-base-url override it for one run)."
            : 'Every run is judged by this model at temperature 0, with the key and base URL set for its provider above (run --judge-provider and --judge-model override it for one run).'}
      </span>
    </fieldset>
  );
}
