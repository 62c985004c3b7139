import { useCallback, useEffect, useRef, useState } from 'react';
import type { PromptVersion } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { CodeEditor } from '../../components/code-editor/CodeEditor';
import { useDiscardGuard } from '../../components/DiscardDraftDialog';
import { FocusKeepingButton } from '../../components/FocusKeepingButton';
import { VersionDiff } from '../../components/VersionDiff';
import { usePromptDrafts } from './prompt-drafts';
import { PromptPreview } from './PromptPreview';
import { PromptVersions } from './PromptVersions';

/** One prompt: its text in Monaco (starting from the latest version, or any older one picked from the list),
 * the slots it may use, and Save, which stores the draft as a new version. An unsaved draft outlives the editor
 * (prompt-drafts.ts), so switching templates keeps it; picking a version over it asks first. */
export function PromptEditor({ latest, onSaved }: { latest: PromptVersion; onSaved(): void }) {
  // Read once, on opening: from then on the editor's own state leads and the kept draft follows it.
  const [kept] = useState(() => usePromptDrafts.getState().drafts[latest.name]);
  const putDraft = usePromptDrafts((s) => s.put);
  const dropDraft = usePromptDrafts((s) => s.drop);
  const [versions, setVersions] = useState<PromptVersion[]>([latest]);
  const [base, setBase] = useState<PromptVersion>(kept?.base ?? latest);
  const [draft, setDraft] = useState(kept?.text ?? latest.text);
  /** Bumped whenever the editor's text is replaced from outside (a version picked, a revert). */
  const [revision, setRevision] = useState(0);
  const load = (text: string) => {
    setDraft(text);
    setRevision((r) => r + 1);
  };
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const { guard, dialog } = useDiscardGuard();
  const heading = useRef<HTMLHeadingElement>(null);
  // Revert hides its own button: the focus goes to the heading, which now says the text is unmodified.
  const revert = () => {
    load(base.text);
    heading.current?.focus();
  };

  const loadVersions = useCallback(() => getClient().listPromptVersions(latest.name).then(setVersions, (err: Error) => setStatus({ kind: 'error', text: err.message })), [latest.name]);
  useEffect(() => void loadVersions(), [loadVersions]);

  const dirty = draft !== base.text;
  // The kept draft mirrors the editor: there while the text differs from the version it was edited from.
  useEffect(() => (dirty ? putDraft(latest.name, { base, text: draft }) : dropDraft(latest.name)), [dirty, base, draft, latest.name, putDraft, dropDraft]);

  const pick = (v: PromptVersion) => {
    // The version being edited is already loaded: picking it again keeps the draft.
    if (dirty && v.version === base.version) return;
    guard(dirty, {
      title: 'Discard unsaved changes?',
      body: `Your edits to ${latest.name} (from version ${base.version}) are not saved. Loading version ${v.version} replaces them.`,
      confirmLabel: `Discard and load v${v.version}`,
      onConfirm: () => {
        setBase(v);
        load(v.text);
        setStatus(null);
      },
    });
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
  // Save offers whatever differs from the newest version, so an older version picked as it is can be restored.
  const newest = versions[0] ?? latest;
  const savable = draft !== newest.text;
  const restoring = savable && !dirty;

  return (
    <div className="prompt-editor">
      <div className="prompt-main">
        <h2 ref={heading} tabIndex={-1}>{latest.name} <span className="muted">— editing from version {base.version}{dirty ? ' (modified)' : ''}</span></h2>
        <p className="small muted">Slots: {latest.slots.map((s) => <code key={s}>{`{{${s}}}`} </code>)}</p>
        <CodeEditor value={draft} revision={revision} onChange={setDraft} ariaLabel={`Prompt text of ${latest.name}`} />
        <div className="save-bar">
          <label>Note <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="what changed" /></label>
          <FocusKeepingButton className="primary" onClick={save} unavailable={!savable || saving}>
            {saving ? 'Saving…' : restoring ? `Restore version ${base.version}` : 'Save as new version'}
          </FocusKeepingButton>
          {dirty && <button type="button" onClick={revert}>Revert</button>}
          {restoring && <span className="small muted" data-testid="restore-hint">Saves version {base.version}&apos;s text as a new version, the latest (now v{newest.version}).</span>}
          {!savable && <span className="small muted">Same text as the latest version (v{newest.version}).</span>}
          {status && <span role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'ok-text'}>{status.text}</span>}
        </div>
        <PromptPreview name={latest.name} draft={draft} />
        <VersionDiff key={`diff-${latest.name}-${versions.length}`} versions={versions.map((v) => ({ version: v.version, label: v.isDefault ? 'default' : undefined, text: v.text }))} testId="prompt-diff" changesLabel="Prompt changes" />
      </div>
      <PromptVersions versions={versions} selected={base.version} onPick={pick} />
      {dialog}
    </div>
  );
}
