import { useState } from 'react';
import type { SecretName, SecretStatus } from '../../../../main/api/settings';

/** An API key field: shows whether a key is set (last four characters only) and where it is kept; a new key
 * is typed into a password field and sent once — the UI never receives a stored key back. */
export function SecretField({ name, label, status, onSave, onClear }: {
  name: SecretName;
  label: string;
  status: SecretStatus;
  onSave(name: SecretName, value: string): Promise<void>;
  onClear(name: SecretName): Promise<void>;
}) {
  const [value, setValue] = useState('');
  const where = { 'os-keychain': 'OS keychain', memory: 'this session only (not written to disk)', environment: 'environment variable' }[status.storage];
  return (
    <div className="field" data-testid={`secret-${name}`}>
      <label htmlFor={`secret-${name}`}>{label}</label>
      <span className="small" data-testid="secret-status">{status.set ? `set (${status.hint}) · ${where}` : 'not set'}</span>
      <input id={`secret-${name}`} type="password" autoComplete="off" value={value} placeholder={status.set ? 'Replace the key…' : 'Paste a key…'} onChange={(e) => setValue(e.target.value)} />
      <button type="button" disabled={!value} onClick={() => void onSave(name, value).then(() => setValue(''))}>Save key</button>
      {status.set && status.storage !== 'environment' && <button type="button" onClick={() => void onClear(name)}>Remove</button>}
    </div>
  );
}
