import { describe, expect, it } from 'vitest';
import { DEFAULT_REMOTE_MAX, parseEndpointList, parseEndpointSpec, redactEndpoint } from '../../../main/api/endpoint-spec';
import { browserEndpointsOf } from '../../../main/cli/browser-endpoints';
import { flagStrings, parseArgs, UsageError } from '../../../main/cli/args';
import { parseSettingsPatch, parseStoredSettings } from '../../../main/api/settings-schema';

describe('browser endpoint specs', () => {
  it('tells a Playwright server from a CDP endpoint, and reads #max', () => {
    expect(parseEndpointSpec('ws://10.0.0.5:3000/abc#max=8')).toEqual({ kind: 'ws', url: 'ws://10.0.0.5:3000/abc', max: 8 });
    expect(parseEndpointSpec(' wss://grid.example/pw ')).toEqual({ kind: 'ws', url: 'wss://grid.example/pw', max: DEFAULT_REMOTE_MAX });
    expect(parseEndpointSpec('http://127.0.0.1:9222')).toEqual({ kind: 'cdp', url: 'http://127.0.0.1:9222', max: DEFAULT_REMOTE_MAX });
    expect(parseEndpointSpec('ws://h:9222/devtools/browser/1f2e#max=1')).toEqual({ kind: 'cdp', url: 'ws://h:9222/devtools/browser/1f2e', max: 1 });
    expect(parseEndpointSpec('local#max=0')).toEqual({ kind: 'local', url: '', max: 0 });
    expect(parseEndpointSpec('local')).toEqual({ kind: 'local', url: '', max: null });
  });

  it('refuses what it cannot use, saying why', () => {
    expect(() => parseEndpointSpec('ftp://h/x')).toThrow(/scheme ftp: — use ws:\/\//);
    expect(() => parseEndpointSpec('h:3000')).toThrow(/names no host: give ws:\/\/host:port/);
    expect(() => parseEndpointSpec('browserless')).toThrow(/is not a URL/);
    expect(() => parseEndpointSpec('ws://h:1/x#slots=3')).toThrow(/only one understood is #max=N/);
    expect(() => parseEndpointSpec('ws://h:1/x#max=0')).toThrow(/only the local browser can be switched off/);
    expect(() => parseEndpointSpec('ws://h:1/x#max=100000')).toThrow(/at most 256/);
    expect(() => parseEndpointList(['ws://h:1/x', 'ws://h:1/x#max=2'])).toThrow(/listed twice/);
    expect(parseEndpointList(['local#max=1, ws://a:1/x', 'http://b:9222']).map((s) => s.kind)).toEqual(['local', 'ws', 'cdp']);
  });

  it('keeps tokens out of what it shows', () => {
    expect(redactEndpoint('wss://chrome.browserless.io/playwright?token=SECRET123&stealth=1')).toBe('wss://chrome.browserless.io/playwright?token=…&stealth=…');
    expect(redactEndpoint('ws://user:pw@h:1/x')).not.toContain('pw');
    expect(() => parseEndpointSpec('wss://h/x?token=SECRET123#max=x')).toThrow(/token=…/);
    expect(() => parseEndpointSpec('wss://h/x?token=SECRET123#max=x')).not.toThrow(/SECRET123/);
  });
});

describe('where endpoints come from', () => {
  it('takes repeated --browser-endpoint flags in order (a value may contain =), else MIRA_BROWSER_ENDPOINTS', () => {
    const args = parseArgs(['run', '--browser-endpoint', 'ws://a:1/x', '--browser-endpoint=ws://b:2/y#max=3', '--seed', '1']);
    expect(flagStrings(args, 'browser-endpoint')).toEqual(['ws://a:1/x', 'ws://b:2/y#max=3']);
    expect(browserEndpointsOf(flagStrings(args, 'browser-endpoint'), 'http://ignored:9222')).toEqual(['ws://a:1/x', 'ws://b:2/y#max=3']);
    expect(browserEndpointsOf([], ' ws://a:1/x, http://c:9222#max=2 ')).toEqual(['ws://a:1/x', 'http://c:9222#max=2']);
    expect(browserEndpointsOf([], undefined)).toBeUndefined();
    expect(() => flagStrings(parseArgs(['run', '--browser-endpoint']), 'browser-endpoint')).toThrow(/needs a value/);
  });

  it('names the source of a wrong endpoint', () => {
    expect(() => browserEndpointsOf(['ws://a:1/x#max=no'], undefined)).toThrow(/^--browser-endpoint: Browser endpoint "ws:\/\/a:1\/x#max=no" has the fragment/);
    expect(() => browserEndpointsOf([], 'gopher://x')).toThrow(/^MIRA_BROWSER_ENDPOINTS: /);
    // A flag's is a usage error (exit 2, README); the environment's stays a plain error (exit 1).
    expect(() => browserEndpointsOf(['ftp://x'], undefined)).toThrow(UsageError);
    expect(() => browserEndpointsOf([], 'gopher://x')).not.toThrow(UsageError);
  });

  it('stores them in settings.json, checked, and never takes them over the API', () => {
    expect(parseStoredSettings({ browserEndpoints: ['ws://a:1/x#max=2'] }, 'settings.json').browserEndpoints).toEqual(['ws://a:1/x#max=2']);
    expect(() => parseStoredSettings({ browserEndpoints: ['ftp://x'] }, 'settings.json')).toThrow(/browserEndpoints\.0: Browser endpoint "ftp:\/\/x" has the scheme/);
    expect(() => parseSettingsPatch({ browserEndpoints: ['ws://evil:1/x'] })).toThrow(/browserEndpoints: cannot be changed over the API/);
  });
});
