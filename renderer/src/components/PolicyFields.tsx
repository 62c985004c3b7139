import { useEffect, useState } from 'react';
import type { PromptVersion, SubgoalSet } from '../../../main/api/contract';
import type { LlmSelection } from '../../../main/api/inference-types';
import type { PolicyId, Registries } from '../../../main/api/registries';
import { getClient } from '../api/client';
import { isLlmPolicy, useRegistries } from '../api/registries';
import { currentVersion } from '../features/subgoals/version-labels';

/** Every built-in policy, as the Tasks page, the fork dialog and the Subgoals page offer them: the core's policy
 * registry, served by info() (the core checks the name again and says what is wrong). */
export const policyOptions = (registries: Registries | null): { value: PolicyId; label: string }[] =>
  registries ? registries.policyIds.map((id) => ({ value: id, label: registries.policies[id].label })) : [];
const isTrainedPolicy = (registries: Registries | null, policy: string) => registries?.policies[policy as PolicyId]?.kind === 'trained';

/** What a person chose besides the policy; empty strings mean "the default". */
export interface PolicyChoice {
  policy: string;
  model: string;
  promptVersion: string;
  /** A subgoal set's id (pinned version, issue 21), or '' for the policy's default. */
  subgoalSetId: string;
  checkpoint: string;
}

export const defaultChoice = (policy = 'oracle', subgoalSetId = ''): PolicyChoice => ({ policy, model: '', promptVersion: '', subgoalSetId, checkpoint: '' });

/** The request fields a choice sets (StartRunRequest and ForkRequest share them); which apply follows from the
 * policy's kind in the registries (renderer/src/api/registries.ts loadRegistries). */
export function requestFields(choice: PolicyChoice, registries: Registries): { llm?: LlmSelection; promptVersion?: number; subgoalSetId?: number; checkpoint?: string } {
  const llm = isLlmPolicy(registries, choice.policy);
  return {
    ...(llm && choice.model.trim() ? { llm: { model: choice.model.trim() } } : {}),
    ...(llm && choice.promptVersion ? { promptVersion: Number(choice.promptVersion) } : {}),
    ...(llm && choice.subgoalSetId ? { subgoalSetId: Number(choice.subgoalSetId) } : {}),
    ...(isTrainedPolicy(registries, choice.policy) && choice.checkpoint.trim() ? { checkpoint: choice.checkpoint.trim() } : {}),
  };
}

/** Policy, then what that policy takes: model, policy-prompt version and a pinned subgoal version (LLM policies;
 * subgoal versions only when the run has one task), or a checkpoint (local). `idPrefix` keeps labels unique. */
export function PolicyFields({ choice, onChange, taskId, idPrefix }: { choice: PolicyChoice; onChange(next: PolicyChoice): void; taskId: string | null; idPrefix: string }) {
  const [prompts, setPrompts] = useState<PromptVersion[]>([]);
  const [sets, setSets] = useState<SubgoalSet[]>([]);
  const registries = useRegistries();
  const llm = isLlmPolicy(registries, choice.policy);
  const prompt = llm ? registries?.policies[choice.policy as PolicyId].prompt : undefined;
  const set = (patch: Partial<PolicyChoice>) => onChange({ ...choice, ...patch });

  useEffect(() => {
    if (!prompt) return setPrompts([]);
    let live = true;
    getClient().listPromptVersions(prompt).then((v) => live && setPrompts(v), () => live && setPrompts([]));
    return () => {
      live = false;
    };
  }, [prompt]);
  useEffect(() => {
    if (!llm || !taskId) return setSets([]);
    let live = true;
    getClient().listSubgoalSets(taskId).then((v) => live && setSets(v), () => live && setSets([]));
    return () => {
      live = false;
    };
  }, [taskId, llm]);

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id('policy')}>Policy</label>
        <select id={id('policy')} value={choice.policy} onChange={(e) => onChange({ ...defaultChoice(e.target.value, choice.subgoalSetId), checkpoint: choice.checkpoint })}>
          {policyOptions(registries).map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </div>
      {llm && (
        <>
          <div className="field">
            <label htmlFor={id('model')}>Model</label>
            <input id={id('model')} value={choice.model} onChange={(e) => set({ model: e.target.value })} placeholder="as in Settings" />
          </div>
          <div className="field">
            <label htmlFor={id('prompt')}>Prompt version</label>
            <select id={id('prompt')} value={choice.promptVersion} onChange={(e) => set({ promptVersion: e.target.value })}>
              <option value="">latest</option>
              {prompts.map((v) => <option key={v.version} value={v.version}>{`v${v.version}${v.note ? ` — ${v.note}` : v.isDefault ? ' — default' : ''}`}</option>)}
            </select>
          </div>
          {taskId && (
            <div className="field">
              <label htmlFor={id('subgoals')}>Subgoal version</label>
              <select id={id('subgoals')} value={choice.subgoalSetId} onChange={(e) => set({ subgoalSetId: e.target.value })}>
                <option value="">{choice.policy === 'sgo' ? 'generate from the first page' : currentVersionText(sets)}</option>
                {sets.map((s) => <option key={s.id} value={s.id}>{`v${s.version} · ${s.origin} · ${s.items.length} milestones${s.note ? ` — ${s.note}` : ''}`}</option>)}
              </select>
            </div>
          )}
        </>
      )}
      {isTrainedPolicy(registries, choice.policy) && (
        <div className="field">
          <label htmlFor={id('checkpoint')}>Checkpoint</label>
          <input id={id('checkpoint')} value={choice.checkpoint} onChange={(e) => set({ checkpoint: e.target.value })} placeholder="phase-<n>.json or a directory" />
        </div>
      )}
    </>
  );
}

/** The default subgoal version of a run that pins none: the task's current version, as the core resolves it
 * (main/subgoals/version-use.ts; the web-UI audit of 2026-12-05: this said "reference (or newest)"). A
 * MiniWoB++ task has none: each seed's runs take the newest version that seed used. */
function currentVersionText(sets: readonly SubgoalSet[]): string {
  const current = currentVersion(sets);
  if (current) return `current (v${current.version})`;
  return sets.some((s) => s.use === 'per-seed') ? "current (each seed's newest)" : 'current';
}
