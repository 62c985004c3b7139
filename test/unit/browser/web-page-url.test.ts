import { describe, expect, it } from 'vitest';
import { isWebPageUrl } from '../../../main/browser/web-page-url';

// One rule for goto, program_html scoring and task import (the follow-up audit of 2026-12-05).
describe('isWebPageUrl', () => {
  it('takes http(s) pages with a host, in any case', () => {
    for (const url of ['http://localhost:7770/x', 'https://example.com', ' HTTPS://h/ ', 'Http://127.0.0.1']) expect(isWebPageUrl(url), url).toBe(true);
  });
  it('refuses other schemes, a missing host and placeholders not yet replaced', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'chrome://settings', 'about:blank', 'http://', 'https:///x', 'localhost:7770', '__SHOPPING__/x', '']) {
      expect(isWebPageUrl(url), url).toBe(false);
    }
  });
});
