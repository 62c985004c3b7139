import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/api/settings';
import { validateRequest } from '../../../main/api/schemas';
import { mergeSettings, parseSettingsPatch, parseStoredSettings, SettingsValidationError } from '../../../main/api/settings-schema';

function problemsOf(work: () => unknown): { path: string; message: string }[] {
  try {
    work();
  } catch (err) {
    expect(err).toBeInstanceOf(SettingsValidationError);
    return (err as SettingsValidationError).problems;
  }
  throw new Error('expected a SettingsValidationError');
}

describe('settings schema', () => {
  it('accepts what the Settings page sends: every field but browserPath, a profile naming only some sites', () => {
    const { browserPath: _omitted, browserEndpoints: _startUpOnly, ...page } = DEFAULT_SETTINGS;
    const patch = parseSettingsPatch({
      ...page,
      provider: 'openai-compatible',
      openaiCompatible: { baseUrl: 'http://127.0.0.1:8000/v1', model: 'Qwen2.5-7B-Instruct' },
      siteProfile: { SHOPPING: 'http://localhost:7770' },
    });
    const merged = mergeSettings(DEFAULT_SETTINGS, patch);
    expect(merged.provider).toBe('openai-compatible');
    expect(merged.siteProfile).toEqual({ SHOPPING: 'http://localhost:7770' });
    expect(merged.browserPath).toBeNull();
  });

  it('refuses browserPath in a patch, field-level, with how to set it instead', () => {
    const problems = problemsOf(() => parseSettingsPatch({ provider: 'gemini', browserPath: '/tmp/evil.sh' }));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('browserPath');
    expect(problems[0].message).toMatch(/cannot be changed over the API.*--browser.*MIRA_BROWSER/);
    // Also null (a "reset"): the API may not touch the field at all.
    expect(problemsOf(() => parseSettingsPatch({ browserPath: null }))[0].path).toBe('browserPath');
  });

  it('the transports refuse it too, naming the argument path', () => {
    expect(() => validateRequest('updateSettings', [{ browserPath: '/tmp/evil.sh' }])).toThrow(/updateSettings: argument 0\.browserPath: cannot be changed over the API/);
    expect(validateRequest('updateSettings', [{ siteProfile: { REDDIT: 'http://localhost:9999' } }])).toEqual([{ siteProfile: { REDDIT: 'http://localhost:9999' } }]);
  });

  it('reports each wrong field by its path', () => {
    const problems = problemsOf(() => parseStoredSettings({
      provider: 'claude',
      gemini: { baseUrl: 'file:///etc/passwd', thinkingBudget: -3 },
      siteProfile: { SHOPPING: 'javascript:alert(1)', NOT_A_SITE: 'http://x' },
      colour: 'blue',
    }, 'settings.json'));
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(['', 'gemini.baseUrl', 'gemini.thinkingBudget', 'provider', 'siteProfile', 'siteProfile.SHOPPING'].sort());
    expect(byPath['gemini.baseUrl']).toBe('must be an http:// or https:// URL');
    expect(byPath['siteProfile.SHOPPING']).toBe('must be an http:// or https:// URL');
    expect(byPath['']).toBe('unknown field colour');
    expect(byPath.siteProfile).toMatch(/NOT_A_SITE/);
  });

  it('a stored file may omit fields; defaults fill them, sections field by field', () => {
    const stored = parseStoredSettings({ gemini: { model: 'gemini-2.5-flash' } }, 'settings.json');
    expect(mergeSettings(DEFAULT_SETTINGS, stored).gemini).toEqual({ model: 'gemini-2.5-flash', baseUrl: null, thinkingBudget: 'dynamic' });
  });

  it('a patch field given as undefined keeps the saved value', () => {
    const base = mergeSettings(DEFAULT_SETTINGS, { provider: 'gemini', gemini: { baseUrl: 'https://example.test' } });
    expect(mergeSettings(base, { provider: undefined, gemini: { baseUrl: undefined } })).toMatchObject({ provider: 'gemini', gemini: { baseUrl: 'https://example.test' } });
  });

  it('browser and MiniWoB++ paths in the file must be absolute', () => {
    expect(problemsOf(() => parseStoredSettings({ browserPath: 'chromium', miniwobDir: './miniwob' }, 'settings.json')).map((p) => p.path).sort()).toEqual(['browserPath', 'miniwobDir']);
  });
});
