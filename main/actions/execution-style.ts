import type { Page } from 'playwright';
import type { ScrollStyle } from '../api/types';

// The parts of executing an action where the grammars' reference implementations differ; each grammar's parser
// says which one its action wants (Action.execution, docs/design/WEBARENA.md §4.6).

/** The executor's scroll when an action names none (actions built outside a grammar, and older records):
 * a mouse wheel of 0.8 of the viewport, as the workbench always scrolled. */
const DEFAULT_SCROLL: ScrollStyle = { via: 'wheel', unit: 'viewport', amount: 0.8 };

/** WebArena's key press reads Meta as Control unless the browser runs on a Mac, so `Meta+a` selects all on
 * Linux too. Only whole `Meta` keys are swapped: Playwright's own `ControlOrMeta` already means this. */
export function keyForPlatform(key: string, metaAsControl: boolean, platform: NodeJS.Platform = process.platform): string {
  if (!metaAsControl || platform === 'darwin') return key;
  return key.split('+').map((part) => (part === 'Meta' ? 'Control' : part)).join('+');
}

/** WebRL's Select Dropdown Option (VisualAgentBench's execute_action_webrl) picks the first option whose text,
 * trimmed of spaces and newlines, contains the argument, both lower-cased. -1 when none does. */
export function matchingOptionIndex(optionTexts: readonly string[], argument: string): number {
  const wanted = argument.toLowerCase();
  return optionTexts.findIndex((text) => text.replace(/^[ \n]+|[ \n]+$/g, '').toLowerCase().includes(wanted));
}

/** Scrolls by the action's style; `sign` is -1 for up, 1 for down. WebArena moves the document's scrollTop by
 * window.innerHeight; WebRL and BrowserGym turn the mouse wheel, which scrolls whatever is under the pointer. */
export async function scrollPage(page: Page, sign: 1 | -1, style: ScrollStyle = DEFAULT_SCROLL): Promise<void> {
  if (style.via === 'document') {
    // A string, not a function: a compiled function may call bundler helpers that the page lacks.
    const step = style.unit === 'px' ? String(sign * style.amount) : `${sign * style.amount} * window.innerHeight`;
    await page.evaluate(`(() => { const el = document.scrollingElement || document.body; el.scrollTop = el.scrollTop + ${step}; })()`);
    return;
  }
  const distance = style.unit === 'px' ? style.amount : style.amount * (page.viewportSize()?.height ?? 720);
  await page.mouse.wheel(style.across ?? 0, sign * distance);
}
