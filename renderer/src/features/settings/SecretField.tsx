import { useState } from 'react';
import type { SecretName, SecretStatus } from '../../../../main/api/settings';
import { FocusKeepingButton } from '../../components/FocusKeepingButton';

/** An API key field: shows whether a key is set (last four characters only), where it is kept and the
 * endpoint it goes to; a new key is typed into a password field and sent once — the UI never receives a
 * stored key back. A key is tied to the saved base URL, so it cannot be saved while the URL has unsaved
 * edits (it would be cleared by the very next Save). */
export function SecretField({ name, label, status, pendingEndpoint, onSave, onClear }: {
  name: SecretName;
  label: string;
  status: SecretStatus;
  /** True while the provider's base URL differs from the saved one. */
  pendingEndpoint: boolean;
  onSave(name: SecretName, value: string): Promise<void>;
  onClear(name: SecretName): Promise<void>;
}) {
  const [value, setValue] = useState('');
  const where = { 'os-keychain': 'OS keychain', memory: 'this session only (not written to disk)', environment: 'environment variable' }[status.storage];
  const state = status.set ? `set (${status.hint}) · ${where}` : 'not set';
  return (
    <div className="field" data-testid={`secret-${name}`}>
      <label htmlFor={`secret-${name}`}>{label}</label>
      <span className="small" data-testid="secret-status">
        {state}{status.endpoint ? ` · sent only to ${status.endpoint}` : ''}
        {status.note && <span className="muted" data-testid="secret-note"> — {status.note}</span>}
        {pendingEndpoint && <span className="muted"> — save the base URL first: a key is tied to its endpoint</span>}
      </span>
      <input id={`secret-${name}`} type="password" autoComplete="off" value={value} placeholder={status.set ? 'Replace the key…' : 'Paste a key…'} onChange={(e) => setValue(e.target.value)} />
      <FocusKeepingButton unavailable={!value || pendingEndpoint} onClick={() => void onSave(name, value).then(() => setValue(''))}>Save key</FocusKeepingButton>
      {status.set && status.storage !== 'environment' && <button type="button" onClick={() => void onClear(name)}>Remove</button>}
      {status.warning && <p role="alert" className="secret-warning" data-testid="secret-warning">{status.warning}</p>}
    </div>
  );
}
