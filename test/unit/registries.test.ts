import { describe, expect, it } from 'vitest';
import { LLM_PROVIDER_IDS, POLICIES, POLICY_IDS, REGISTRIES, SCORING_PROFILE_NAMES } from '../../main/api/registries';
import { validateRequest } from '../../main/api/schemas';
import { DEFAULT_SETTINGS, type WorkbenchSettings } from '../../main/api/settings';
import { LLM_POLICIES } from '../../main/agent/sgo-settings';
import { llmOptions } from '../../main/cli/run-options';
import { parseArgs } from '../../main/cli/args';
import { PROFILES } from '../../main/eval/profiles';
import { createLlm, llmEndpoint } from '../../main/llm/client-factory';
import { createPolicy } from '../../main/runs/policies';
import { parseSettingsPatch } from '../../main/api/settings-schema';
import { MemorySecretStore } from '../../main/settings/secret-store';

// The extension points are registries (issue 19, docs/design/extending.md): the schemas, the CLI and the
// factories accept exactly their members and say clearly what else they would take.

const settings = (patch: Partial<WorkbenchSettings>): WorkbenchSettings => ({ ...DEFAULT_SETTINGS, ...patch });
const startRun = (body: Record<string, unknown>) => validateRequest('startRun', [{ taskIds: ['sandbox/shop/x/0'], ...body }]);

describe('provider registry', () => {
  it('the API schema and the settings schema accept exactly the registered providers', () => {
    for (const provider of LLM_PROVIDER_IDS) {
      expect(() => startRun({ policy: 'react', llm: { provider } })).not.toThrow();
      expect(parseSettingsPatch({ provider }).provider).toBe(provider);
    }
    expect(parseSettingsPatch({ provider: 'none' }).provider).toBe('none');
    expect(() => startRun({ policy: 'react', llm: { provider: 'claude' } })).toThrow(`startRun: argument 0.llm.provider: must be one of ${LLM_PROVIDER_IDS.join(', ')}`);
    expect(() => parseSettingsPatch({ provider: 'claude' })).toThrow();
  });

  it('the CLI accepts exactly the registered providers', () => {
    for (const provider of LLM_PROVIDER_IDS) expect(llmOptions(parseArgs(['run', '--provider', provider])).llm).toEqual({ provider });
    expect(() => llmOptions(parseArgs(['run', '--provider', 'claude']))).toThrow('--provider must be one of gemini, openai-compatible, not "claude".');
  });

  it('the client factory refuses a provider it has no builder for instead of treating it as OpenAI-compatible', async () => {
    const secrets = new MemorySecretStore({});
    // A settings file edited by hand, or a run config from a newer build, can still name one.
    const unknown = settings({ provider: 'claude' as WorkbenchSettings['provider'], openaiCompatible: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm' } });
    await expect(createLlm(unknown, secrets)).rejects.toThrow('Unknown LLM provider "claude"; choose one of gemini, openai-compatible.');
    await expect(createLlm(settings({}), secrets, { provider: 'mistral' as 'gemini' })).rejects.toThrow('Unknown LLM provider "mistral"');
    await expect(createLlm(settings({}), secrets)).rejects.toThrow('No LLM provider is configured');
    expect(llmEndpoint(unknown)).toBeNull();
  });

  it('dispatches each registered provider to its own builder', async () => {
    const secrets = new MemorySecretStore({});
    const openai = await createLlm(settings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: 'http://127.0.0.1:9/v1', model: 'qwen' } }), secrets);
    expect(openai.model).toBe('qwen');
    expect(openai.thinkingBudget).toBeUndefined();
    await expect(createLlm(settings({ provider: 'gemini' }), secrets)).rejects.toThrow('Gemini needs an API key');
    expect(llmEndpoint(settings({ provider: 'openai-compatible', openaiCompatible: { baseUrl: 'http://127.0.0.1:9/v1', model: null } }))).toBe('http://127.0.0.1:9/v1');
    expect(llmEndpoint(settings({ provider: 'gemini', gemini: { ...DEFAULT_SETTINGS.gemini, baseUrl: 'http://127.0.0.1:8/' } }))).toBe('http://127.0.0.1:8/');
  });
});

describe('policy registry', () => {
  it('the API schema accepts exactly the registered policies, in startRun and forkEpisode', () => {
    for (const policy of POLICY_IDS) expect(() => startRun({ policy })).not.toThrow();
    expect(() => startRun({ policy: 'telepathy' })).toThrow(`startRun: argument 0.policy: must be one of ${POLICY_IDS.join(', ')}`);
    expect(() => validateRequest('forkEpisode', [{ episodeId: 'e', fromStep: 0, policy: 'telepathy' }])).toThrow('argument 0.policy: must be one of');
  });

  it('the LLM policies are the registry\'s llm kind, and each has a prompt', () => {
    expect(LLM_POLICIES).toEqual(['react', 'sgo']);
    for (const id of POLICY_IDS) expect(POLICIES[id].prompt !== undefined, id).toBe(POLICIES[id].kind === 'llm');
  });

  it('builds each registered policy that needs nothing, and names the others\' needs', () => {
    const ctx = { resolveUrl: (t: string) => t, seed: 3 };
    for (const id of POLICY_IDS) {
      const kind = POLICIES[id].kind;
      if (kind === 'baseline') expect(createPolicy(id, ctx), id).toBeTruthy();
      else expect(() => createPolicy(id, { ...ctx, checkpoint: undefined }), id).toThrow(`The ${id} policy needs`);
    }
    expect(() => createPolicy('telepathy', ctx)).toThrow('Unknown policy "telepathy". Available: oracle, react, sgo, local, random, wrong, do-nothing.');
  });

  it('the core serves the providers and policies the renderer offers', () => {
    expect(REGISTRIES.policyIds).toBe(POLICY_IDS);
    expect(REGISTRIES.providerIds).toBe(LLM_PROVIDER_IDS);
    expect(Object.keys(REGISTRIES.providers).sort()).toEqual([...LLM_PROVIDER_IDS].sort());
  });
});

describe('scoring profile registry', () => {
  it('has a rule set for exactly each registered profile', () => {
    expect(Object.keys(PROFILES).sort()).toEqual([...SCORING_PROFILE_NAMES].sort());
    for (const name of SCORING_PROFILE_NAMES) expect(PROFILES[name].name).toBe(name);
  });
});
