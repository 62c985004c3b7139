import { useEffect, useState } from 'react';
import type { CoreInfo } from '../../../../main/api/contract';
import type { SettingsPatch, SettingsView as View, SiteName, WorkbenchSettings } from '../../../../main/api/settings';
import { getClient } from '../../api/client';
import { BrowserField } from './BrowserField';
import { JudgeField } from './JudgeField';
import { judgeGap, providerGap } from './provider-gap';
import { SecretField } from './SecretField';

// The renderer imports only types from main/api: the list is spelled out, checked against SiteName.
const SITES = ['SHOPPING', 'SHOPPING_ADMIN', 'REDDIT', 'GITLAB', 'MAP', 'WIKIPEDIA', 'HOMEPAGE'] as const satisfies readonly SiteName[];

/** Everything the page edits; browserPath and browserEndpoints are not writable over the API and are never sent. */
function patchOf({ browserPath: _readOnly, browserEndpoints: _startUpOnly, ...editable }: WorkbenchSettings): SettingsPatch {
  return editable;
}

/** Provider, models, keys, the fuzzy_match judge, browser, WebArena site URLs, MiniWoB++ checkout and trainer backend. */
export function SettingsView() {
  const [view, setView] = useState<View | null>(null);
  const [draft, setDraft] = useState<WorkbenchSettings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [info, setInfo] = useState<CoreInfo | null>(null);
  const client = getClient();

  useEffect(() => {
    client.getSettings().then((v) => (setView(v), setDraft(v.settings)), (err: Error) => setMessage({ ok: false, text: err.message }));
    client.info().then(setInfo, () => undefined);
  }, [client]);

  const act = async (work: () => Promise<View>, done: string) => {
    try {
      const next = await work();
      setView(next);
      setDraft(next.settings);
      setMessage({ ok: true, text: done });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };
  if (!view || !draft) return message ? <p role="alert" className="error">{message.text}</p> : <p className="muted">Loading settings…</p>;
  const set = (patch: Partial<WorkbenchSettings>) => setDraft({ ...draft, ...patch });
  const text = (v: string) => (v.trim() === '' ? null : v.trim());
  // About the saved settings (what a run uses), not the unsaved draft.
  const gap = providerGap(view.settings, view.secrets);
  const judgeProblem = judgeGap(view.settings, view.secrets);

  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h1 id="settings-heading">Settings</h1>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error'}>{message.text}</p>}
      <section className="panel" aria-label="Language model">
        <h2>Language model</h2>
        <div className="field">
          <label htmlFor="provider">Provider</label>
          <select id="provider" value={draft.provider} onChange={(e) => set({ provider: e.target.value as WorkbenchSettings['provider'] })}>
            <option value="none">None (sandbox oracle and local policy only)</option>
            {info?.registries.providerIds.map((id) => <option key={id} value={id}>{info.registries.providers[id].label}</option>)}
          </select>
        </div>
        {gap && <p className="secret-warning" data-testid="provider-gap">{gap}</p>}
        <div className="field"><label htmlFor="gemini-model">Gemini model</label><input id="gemini-model" value={draft.gemini.model} onChange={(e) => set({ gemini: { ...draft.gemini, model: e.target.value } })} /></div>
        <div className="field"><label htmlFor="gemini-url">Gemini base URL</label><input id="gemini-url" placeholder="Google's endpoint" value={draft.gemini.baseUrl ?? ''} onChange={(e) => set({ gemini: { ...draft.gemini, baseUrl: text(e.target.value) } })} /></div>
        <div className="field"><label htmlFor="oa-url">OpenAI-compatible base URL</label><input id="oa-url" value={draft.openaiCompatible.baseUrl ?? ''} onChange={(e) => set({ openaiCompatible: { ...draft.openaiCompatible, baseUrl: text(e.target.value) } })} /></div>
        <div className="field"><label htmlFor="oa-model">OpenAI-compatible model</label><input id="oa-model" value={draft.openaiCompatible.model ?? ''} onChange={(e) => set({ openaiCompatible: { ...draft.openaiCompatible, model: text(e.target.value) } })} /></div>
        <SecretField name="gemini_api_key" label="Gemini API key" status={view.secrets.gemini_api_key} pendingEndpoint={draft.gemini.baseUrl !== view.settings.gemini.baseUrl} onSave={(n, v) => act(() => client.setSecret(n, v), 'Key saved.')} onClear={(n) => act(() => client.clearSecret(n), 'Key removed.')} />
        <SecretField name="openai_api_key" label="OpenAI-compatible API key" status={view.secrets.openai_api_key} pendingEndpoint={draft.openaiCompatible.baseUrl !== view.settings.openaiCompatible.baseUrl} onSave={(n, v) => act(() => client.setSecret(n, v), 'Key saved.')} onClear={(n) => act(() => client.clearSecret(n), 'Key removed.')} />
        <JudgeField judge={draft.judge} info={info} onChange={(judge) => set({ judge })} judgeKey={{
          status: view.secrets.judge_api_key, pendingEndpoint: draft.judge.baseUrl !== view.settings.judge.baseUrl,
          onSave: (n, v) => act(() => client.setSecret(n, v), 'Key saved.'), onClear: (n) => act(() => client.clearSecret(n), 'Key removed.'),
        }} />
        {judgeProblem && <p className="secret-warning" data-testid="judge-gap">{judgeProblem}</p>}
      </section>
      <section className="panel" aria-label="Browser and benchmarks">
        <h2>Browser and benchmarks</h2>
        <BrowserField saved={view.settings.browserPath} info={info} />
        <div className="field"><label htmlFor="miniwob-dir">MiniWoB++ checkout</label><input id="miniwob-dir" value={draft.miniwobDir ?? ''} onChange={(e) => set({ miniwobDir: text(e.target.value) })} /></div>
        {SITES.map((site) => (
          <div className="field" key={site}>
            <label htmlFor={`site-${site}`}>WebArena {site}</label>
            <input id={`site-${site}`} placeholder="http://host:port" value={draft.siteProfile[site] ?? ''} onChange={(e) => {
              const next = { ...draft.siteProfile };
              if (e.target.value.trim()) next[site] = e.target.value.trim();
              else delete next[site];
              set({ siteProfile: next });
            }} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="backend">Trainer backend</label>
          <select id="backend" value={draft.trainerBackend} onChange={(e) => set({ trainerBackend: e.target.value as WorkbenchSettings['trainerBackend'] })}>
            <option value="auto">Best available (GPU → native → wasm → cpu)</option>
            <option value="tensorflow-gpu">TensorFlow GPU</option>
            <option value="tensorflow">TensorFlow native</option>
            <option value="wasm">WebAssembly</option>
            <option value="cpu">CPU (JavaScript)</option>
          </select>
        </div>
      </section>
      <button type="button" className="primary" onClick={() => void act(() => client.updateSettings(patchOf(draft)), 'Settings saved.')}>Save settings</button>
    </section>
  );
}
