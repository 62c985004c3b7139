import type { Locator } from 'playwright';
import type { Action, ActionType, Box } from '../api/types';
import type { ObservedNode } from '../browser/observation-types';
import type { BrowserSession } from '../browser/session';
import { hoverSettled, NAVIGATION_TIMEOUT_MS, SettleWatch } from '../browser/settle';
import { isWebPageUrl } from '../browser/web-page-url';
import { ActionError } from './errors';
import { checkClickLanding, clearField, listensForKeys } from './landing';
import { keyForPlatform, matchingOptionIndex, scrollPage } from './execution-style';

/** The URLs goto may open: web pages (browser/web-page-url.ts) and the empty page. */
const gotoAllowed = (url: string) => isWebPageUrl(url) || /^about:blank$/i.test(url.trim());

const ACTION_TIMEOUT_MS = 5_000;

export interface ExecutionResult {
  /** Box of the acted element in the observation the action was chosen from (for replay overlays). */
  targetBox: Box | null;
}

/** Resolves with nothing, or with what went differently from the request (recorded once the page settled). */
type Executor = (action: Action, session: BrowserSession) => Promise<void | string>;

/** The observed node an action's element id names. Ids not in the last observation are stale: a recorded action
 * error, not a crash. */
function nodeFor(session: BrowserSession, action: Action): ObservedNode {
  const id = action.elementId;
  if (!id) throw new ActionError('parse', `${action.type} needs an element id.`);
  const node = session.lastObservation?.nodes.find((n) => n.id === id);
  if (!node) throw new ActionError('stale_id', `There is no element [${id}] on the current page.`);
  return node;
}

/** Resolves an observation id to a live element; one whose element left the page since is stale too. */
function elementFor(session: BrowserSession, action: Action): Locator {
  return session.page.locator(`[data-mira-id="${nodeFor(session, action).targetId}"]`);
}

async function requirePresent(locator: Locator, id: string | undefined): Promise<Locator> {
  if ((await locator.count()) === 0) throw new ActionError('stale_id', `Element [${id}] is no longer on the page.`);
  return locator.first();
}

const EXECUTORS: Record<ActionType, Executor> = {
  async click(action, session) {
    const page = session.page;
    const { targetId } = nodeFor(session, action);
    const gone = () => new ActionError('stale_id', `Element [${action.elementId}] is no longer on the page.`);
    // Check what is at the click point first (docs/design/WEBARENA.md §3.1): a click that would land on
    // another element (an overlay, a neighbour) lands there, as a person's would, and the step says so.
    const first = await checkClickLanding(page, targetId);
    if (first.kind === 'missing') throw gone();
    // No box in the viewport (hidden, zero-sized): Playwright's click waits for it and explains the failure.
    if (first.kind === 'no_box') return void (await elementFor(session, action).click({ timeout: ACTION_TIMEOUT_MS }));
    // The pointer rests on the element first, as a person's does: hover styles (a swapped icon, a menu) settle
    // before the press (until they have applied, not for a fixed time), and the landing is checked on the page
    // as it then is.
    await page.mouse.move(first.x, first.y);
    await hoverSettled(page);
    const checked = await checkClickLanding(page, targetId);
    if (checked.kind === 'missing') throw gone();
    const landing = checked.kind === 'landing' ? checked : first;
    // The press goes to the checked point as a person's would (WebArena clicks with page.mouse too): our own hit
    // test stands in for Playwright's actionability checks, whose "stable" wait has Chromium draw frames (issue 22).
    await page.mouse.click(landing.x, landing.y);
    const at = `(${Math.round(landing.x)}, ${Math.round(landing.y)})`;
    if (checked.kind === 'no_box') return `[${action.elementId}] left the view when the pointer rested on it: the click at ${at} went to what is there now.`;
    if (!landing.onTarget) return `The click on [${action.elementId}] landed on ${landing.hit} at ${at}, which covers it: the page got the click there.`;
    // Playwright's click waited for such a control to be enabled and timed out; a person's click does nothing.
    if (landing.disabled) return `[${action.elementId}] is disabled: the click at ${at} landed on it, and the browser ignores clicks on a disabled control.`;
  },
  async type(action, session) {
    const target = await requirePresent(elementFor(session, action), action.elementId);
    const text = action.text ?? '';
    if (action.execution?.clearFirst === false) {
      // WebArena's type clicks the element, then types at the caret without clearing (docs/design/WEBARENA.md §4.6).
      await target.click({ timeout: ACTION_TIMEOUT_MS });
      await session.page.keyboard.type(text);
    } else if (await listensForKeys(target)) {
      // Clear first (as WebRL's Type and BrowserGym's fill do) so retyping never appends to a stale value.
      // Where the page listens for keys, press them one by one; a fill alone fires no key events.
      await clearField(target); // without key events, so the page sees exactly the text's keys
      await target.pressSequentially(text, { timeout: ACTION_TIMEOUT_MS + 50 * text.length });
    } else {
      await target.fill(text, { timeout: ACTION_TIMEOUT_MS });
    }
    if (action.pressEnter !== false) await target.press('Enter', { timeout: ACTION_TIMEOUT_MS });
  },
  async hover(action, session) {
    await (await requirePresent(elementFor(session, action), action.elementId)).hover({ timeout: ACTION_TIMEOUT_MS });
  },
  async press(action, session) {
    if (!action.key) throw new ActionError('parse', 'press needs a key combination.');
    const key = keyForPlatform(action.key, action.execution?.metaAsControl === true);
    // BrowserGym's press(bid, key) focuses an element first; WebArena's press [key] goes to the page.
    if (action.elementId) await (await requirePresent(elementFor(session, action), action.elementId)).press(key, { timeout: ACTION_TIMEOUT_MS });
    else await session.page.keyboard.press(key);
  },
  async scroll(action, session) {
    await scrollPage(session.page, action.direction === 'up' ? -1 : 1, action.execution?.scroll);
  },
  async select(action, session) {
    const target = await requirePresent(elementFor(session, action), action.elementId);
    const wanted = action.text ?? '';
    const match = action.execution?.optionMatch ?? 'label';
    if (match === 'contains') {
      const labels = await target.evaluate((el) => Array.from((el as HTMLSelectElement).options ?? [], (o) => o.textContent ?? ''));
      const index = matchingOptionIndex(labels, wanted);
      if (index < 0) throw new ActionError('execution', `No option of [${action.elementId}] contains "${wanted}"; its options: ${labels.map((l) => `"${l.trim()}"`).join(', ') || 'none'}.`);
      await target.selectOption({ index }, { timeout: ACTION_TIMEOUT_MS });
    } else if (match === 'value_or_label') {
      // BrowserGym's select_option passes the text to Playwright, which matches an option's value or label.
      await target.selectOption(wanted, { timeout: ACTION_TIMEOUT_MS });
    } else {
      await target.selectOption({ label: wanted }, { timeout: ACTION_TIMEOUT_MS });
    }
  },
  async new_tab(_action, session) {
    const page = await session.context.newPage();
    session.track(page);
    session.active = session.pages.indexOf(page);
  },
  async tab_focus(action, session) {
    const index = action.tabIndex ?? -1;
    if (index < 0 || index >= session.pages.length) {
      throw new ActionError('execution', `There is no tab ${index}; open tabs: 0–${session.pages.length - 1}.`);
    }
    session.active = index;
    await session.page.bringToFront();
  },
  async close_tab(_action, session) {
    if (session.pages.length <= 1) throw new ActionError('execution', 'Cannot close the last tab.');
    await session.page.close();
  },
  async goto(action, session) {
    if (!action.url) throw new ActionError('parse', 'goto needs a URL.');
    // A page or an LLM reply can talk the agent into any URL: file:// would put the user's files into the next
    // observation (sent to the provider, stored, shown), and chrome:, view-source:, data: or javascript: are no
    // web page a task asks for. Web pages only, as a task's start_url (tasks/webarena-validate.ts).
    if (!gotoAllowed(action.url)) throw new ActionError('execution', `goto opens web pages only (http or https), not "${action.url.slice(0, 80)}".`);
    await session.page.goto(action.url, { timeout: NAVIGATION_TIMEOUT_MS });
  },
  async go_back(_action, session) {
    await session.page.goBack({ timeout: NAVIGATION_TIMEOUT_MS });
  },
  async go_forward(_action, session) {
    await session.page.goForward({ timeout: NAVIGATION_TIMEOUT_MS });
  },
  async stop() {},
  async noop() {},
};

/** Whether an action can change the page, so the step must wait for it to settle; stop and noop touch
 * nothing, and waiting after them only delays the episode's end (issue 22). */
const CHANGES_PAGE: Record<ActionType, boolean> = {
  click: true, type: true, hover: true, press: true, scroll: true, select: true, goto: true, go_back: true,
  go_forward: true, new_tab: true, tab_focus: true, close_tab: true, stop: false, noop: false,
};

/** Executes one action on the episode's active tab and waits for its effects to settle (browser/settle.ts:
 * a navigation it started, the DOM, the page's requests), not for a fixed time. Playwright failures
 * (element detached, not clickable, time-out) become ActionErrors with its message. */
export async function executeAction(action: Action, session: BrowserSession): Promise<ExecutionResult> {
  const node = action.elementId ? session.lastObservation?.nodes.find((n) => n.id === action.elementId) : undefined;
  const targetBox = node?.box ?? null;
  const page = session.page;
  // Listen before acting: a click can start a navigation before the executor returns.
  const watch = CHANGES_PAGE[action.type] ? new SettleWatch(page) : null;
  try {
    const problem = await EXECUTORS[action.type](action, session);
    if (watch && session.pages.includes(page)) await watch.settle();
    if (problem) throw new ActionError('execution', problem);
  } catch (err) {
    if (err instanceof ActionError) throw err;
    throw new ActionError('execution', `${action.type} failed: ${firstLine(err)}`);
  } finally {
    watch?.dispose();
  }
  return { targetBox };
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0];
}
