import type { PageLike } from '../../../main/eval/page-like';

// A stand-in for the browser at unit level: pages are keyed by URL, each with its HTML and a tiny fake
// `document` (selector → element). Expressions are really evaluated (with that document in scope), so the
// evaluator's own wrapping, throwing locators and prep actions are exercised, not mocked away.

export interface FakeElement {
  outerText?: string;
  textContent?: string;
  value?: string;
  checked?: boolean;
  href?: string;
  getAttribute?: (name: string) => string | null;
  click?: () => void;
  [key: string]: unknown;
}

export interface FakeSite {
  html?: string;
  /** selector → element (querySelector) or elements (querySelectorAll). */
  elements?: Record<string, FakeElement | FakeElement[]>;
}

export function fakeDocument(elements: Record<string, FakeElement | FakeElement[]> = {}) {
  return {
    querySelector: (sel: string) => {
      const e = elements[sel];
      return Array.isArray(e) ? (e[0] ?? null) : (e ?? null);
    },
    querySelectorAll: (sel: string) => {
      const e = elements[sel];
      return Array.isArray(e) ? e : e ? [e] : [];
    },
  };
}

export class FakePage implements PageLike {
  readonly visited: string[] = [];
  readonly evaluated: string[] = [];

  constructor(private readonly sites: Record<string, FakeSite>, private current: string) {}

  url(): string {
    return this.current;
  }

  async goto(url: string): Promise<unknown> {
    this.visited.push(url);
    this.current = url;
    return null;
  }

  async evaluate<T>(expression: string): Promise<T> {
    this.evaluated.push(expression);
    const site = this.sites[this.current] ?? {};
    // Throws on a syntax error like the browser would, rejecting the evaluate call.
    const fn = new Function('document', `return (${expression}\n);`) as (doc: unknown) => T;
    return fn(fakeDocument(site.elements));
  }

  async content(): Promise<string> {
    return this.sites[this.current]?.html ?? '<html><head></head><body></body></html>';
  }
}
