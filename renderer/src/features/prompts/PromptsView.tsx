import { useCallback, useEffect, useState } from 'react';
import type { PromptVersion } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { useWorkbench } from '../../stores/workbench-store';
import { usePromptDrafts } from './prompt-drafts';
import { PromptEditor } from './PromptEditor';

/** Prompts as data (docs/design/MIRA.md §2, §3): the subgoal-generation, AutoRater, policy and analyzer templates, each
 * edited in Monaco and saved as a new version. Switching templates keeps each one's unsaved draft (marked in the list). */
export function PromptsView({ name }: { name: string | null }) {
  const [prompts, setPrompts] = useState<PromptVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const navigate = useWorkbench((s) => s.navigate);
  const drafts = usePromptDrafts((s) => s.drafts);
  const reload = useCallback(() => getClient().listPrompts().then(setPrompts, (err: Error) => setError(err.message)), []);
  useEffect(() => void reload(), [reload]);

  if (error) return <p role="alert" className="error">Could not load the prompts: {error}</p>;
  if (!prompts) return <p className="muted">Loading prompts…</p>;
  const selected = prompts.find((p) => p.name === name) ?? prompts[0];
  return (
    <section aria-labelledby="prompts-heading" className="prompts">
      <h1 id="prompts-heading">Prompts</h1>
      <div className="prompts-layout">
        <nav aria-label="Prompt templates" className="side-list">
          <ul>
            {prompts.map((p) => (
              <li key={p.name}>
                <a href={`#/prompts/${p.name}`} aria-current={p.name === selected?.name ? 'page' : undefined} onClick={(e) => (e.preventDefault(), navigate({ view: 'prompts', name: p.name }, true))}>
                  {p.name}
                </a>
                <span className="small muted"> {p.kind} · v{p.version}</span>
                {drafts[p.name] && <span className="small" data-testid="unsaved-mark"> ● unsaved</span>}
              </li>
            ))}
          </ul>
        </nav>
        {selected && <PromptEditor key={selected.name} latest={selected} onSaved={reload} />}
      </div>
    </section>
  );
}
