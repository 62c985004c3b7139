// The prompts the workbench ships (docs/design/MIRA.md §1, §2, §3) and the slots each may use. Default texts live in
// resources/prompts/<name>.md so they can be read and diffed as text; edits are stored as new versions.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PromptKind, PromptName } from '../api/inference-types';
import { RESOURCES } from '../resources/resource-paths';

export interface PromptDefinition {
  name: PromptName;
  kind: PromptKind;
  slots: readonly string[];
}

const POLICY_SLOTS = ['intent', 'url', 'observation', 'history', 'actions', 'step', 'homepage'] as const;

export const PROMPT_DEFINITIONS: Record<PromptName, PromptDefinition> = {
  'subgoal-generation': { name: 'subgoal-generation', kind: 'subgoal', slots: ['intent', 'url', 'observation', 'k', 'examples', 'completed'] },
  autorater: { name: 'autorater', kind: 'autorater', slots: ['intent', 'subgoals', 'index', 'subgoal', 'history', 'url', 'observation'] },
  'policy-react': { name: 'policy-react', kind: 'policy', slots: [...POLICY_SLOTS] },
  'policy-sgo': { name: 'policy-sgo', kind: 'policy', slots: [...POLICY_SLOTS, 'subgoals', 'done', 'current', 'next'] },
  analyzer: { name: 'analyzer', kind: 'analyzer', slots: ['intent', 'steps', 'stop', 'verdict', 'diagnosis'] },
};

export const PROMPTS_DIR = RESOURCES.promptsDir;

export function definitionOf(name: string): PromptDefinition {
  const def = (PROMPT_DEFINITIONS as Record<string, PromptDefinition | undefined>)[name];
  if (!def) throw new Error(`Unknown prompt "${name}"; known prompts: ${Object.keys(PROMPT_DEFINITIONS).join(', ')}.`);
  return def;
}

export async function readDefaultPrompt(name: PromptName, dir = PROMPTS_DIR): Promise<string> {
  return readFile(join(dir, `${name}.md`), 'utf8');
}
