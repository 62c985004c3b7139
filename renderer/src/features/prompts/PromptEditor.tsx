import { useCallback, useEffect, useState } from 'react';
import type { PromptVersion } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { CodeEditor } from '../../components/code-editor/CodeEditor';
import { VersionDiff } from '../../components/VersionDiff';
import { PromptPreview } from './PromptPreview';
import { PromptVersions } from './PromptVersions';

/** One prompt: its text in Monaco (starting from the latest version, or any older one picked from the list),
 * the slots it may use, and Save, which stores the draft as a new version. */
export function PromptEditor({ latest, onSaved }: { latest: PromptVersion; onSaved(): void }) {
  const [versions, setVersions] = useState<PromptVersion[]>([latest]);
  const [base, setBase] = useState<PromptVersion>(latest);
  const [draft, setDraft] = useState(latest.text);
  /** Bumped whenever the editor's text is replaced from outside (a version picked, a revert). */
  const [revision, setRevision] = useState(0);
  const load = (text: string) => {
    setDraft(text);
    setRevision((r) => r + 1);
  };
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const loadVersions = useCallback(() => getClient().listPromptVersions(latest.name).then(setVersions, (err: Error) => setStatus({ kind: 'error', text: err.message })), [latest.name]);
  useEffect(() => void loadVersions(), [loadVersions]);

  const pick = (v: PromptVersion) => {
    setBase(v);
    load(v.text);
    setStatus(null);
  };
  const save = async () => {
    setSaving(true);
    try {
      const saved = await getClient().savePrompt(latest.name, draft, note.trim() || undefined);
      setBase(saved);
      setNote('');
      setStatus({ kind: 'ok', text: `Saved as version ${saved.version}.` });
      await loadVersions();
      onSaved();
    } catch (err) {
      setStatus({ kind: 'error', text: (err as Error).message });
    } finally {
      setSaving(false);
    }
  };
  const dirty = draft !== base.text;

  return (
    <div className="prompt-editor">
      <div className="prompt-main">
        <h2>{latest.name} <span className="muted">— editing from version {base.version}{dirty ? ' (modified)' : ''}</span></h2>
        <p className="small muted">Slots: {latest.slots.map((s) => <code key={s}>{`{{${s}}}`} </code>)}</p>
        <CodeEditor value={draft} revision={revision} onChange={setDraft} ariaLabel={`Prompt text of ${latest.name}`} />
        <div className="save-bar">
          <label>Note <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="what changed" /></label>
          <button type="button" className="primary" onClick={save} disabled={!dirty || saving}>{saving ? 'Saving…' : 'Save as new version'}</button>
          {dirty && <button type="button" onClick={() => load(base.text)}>Revert</button>}
          {status && <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'ok-text'}>{status.text}</span>}
        </div>
        <PromptPreview name={latest.name} draft={draft} />
        <VersionDiff key={`diff-${latest.name}-${versions.length}`} versions={versions.map((v) => ({ version: v.version, label: v.isDefault ? 'default' : undefined, text: v.text }))} testId="prompt-diff" changesLabel="Prompt changes" />
      </div>
      <PromptVersions versions={versions} selected={base.version} onPick={pick} />
    </div>
  );
}
