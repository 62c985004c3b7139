// Which version of each prompt a run sends, fixed when the run starts and stored in its config (runs.config
// promptVersions): every step of every episode — resumed ones too — renders those versions, so a version saved
// mid-run changes nothing the run sends, and a preview of a stored step renders the version that was sent
// (docs/design/MIRA.md §2.2: prompts are versioned data; every call names the text that produced it).
import { POLICIES, isMember, POLICY_IDS, type PromptName } from '../api/registries';
import type { PromptPins, PromptStore } from '../store/prompt-store';

/** The prompts an LLM policy's episodes render: its policy prompt, the AutoRater's, and (SGO) subgoal generation. */
export function promptsOfPolicy(policy: string): PromptName[] {
  const prompt = policyPrompt(policy);
  if (!prompt) return [];
  return policy === 'sgo' ? [prompt, 'autorater', 'subgoal-generation'] : [prompt, 'autorater'];
}

/** The version of each prompt the run uses: `stored` (a resumed run's own) first, then the requested policy
 * prompt version, else the newest version now. A requested version that does not exist is refused here, before
 * anything runs. */
export async function resolvePromptPins(prompts: PromptStore, policy: string, requested?: number, stored: PromptPins = {}): Promise<PromptPins> {
  const pins: PromptPins = {};
  for (const name of promptsOfPolicy(policy)) {
    const wanted = stored[name] ?? (name === policyPrompt(policy) ? requested : undefined);
    if (wanted === undefined) {
      pins[name] = (await prompts.latest(name)).version;
      continue;
    }
    const known = (await prompts.versions(name)).map((p) => p.version);
    if (!known.includes(wanted)) {
      throw new Error(`Prompt ${name} has no version ${wanted}; it has version${known.length === 1 ? '' : 's'} ${[...known].reverse().join(', ')}.`);
    }
    pins[name] = wanted;
  }
  return pins;
}

/** The version a stored run used for `name`: its pins, else (runs started before pins were stored) the policy
 * prompt's recorded version; undefined when the run recorded none. */
export function pinnedVersion(config: { promptVersion?: number; promptVersions?: PromptPins; policy?: string } | undefined, name: PromptName): number | undefined {
  if (!config) return undefined;
  const pinned = config.promptVersions?.[name];
  if (pinned !== undefined) return pinned;
  return config.policy && policyPrompt(config.policy) === name ? config.promptVersion : undefined;
}

/** The prompt an LLM policy is written from (policy-react / policy-sgo); undefined for the others. */
export function policyPrompt(policy: string): PromptName | undefined {
  return isMember(POLICY_IDS, policy) ? POLICIES[policy].prompt : undefined;
}
