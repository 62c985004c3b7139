import { describe, expect, it } from 'vitest';
import { ActionError } from '../../main/actions/errors';
import { executeAction } from '../../main/actions/executor';
import { GRAMMARS, type GrammarName } from '../../main/actions/grammars';
import type { Observation } from '../../main/browser/observation-types';
import { observe } from '../../main/browser/observe';
import { useBrowserSession } from '../helpers/shared-browser';

// Each grammar's actions run as its reference runs them (docs/design/WEBARENA.md §4.6), in real Chromium:
// WebRL's select matches a contained option text ignoring case, WebArena's press reads Meta as Control off
// macOS and its type appends, and each grammar's scroll goes its reference's distance.
const browser = useBrowserSession();

const byName = (obs: Observation, role: string, name: string) => {
  const found = obs.nodes.find((n) => n.role === role && n.name === name);
  if (!found) throw new Error(`no ${role} "${name}" in\n${obs.text}`);
  return found.id;
};
const pageValue = <T>(expression: string) => browser.session.page.evaluate(expression) as Promise<T>;
/** Parses `reply` with the grammar and executes the action on the session's page. */
const act = (grammar: GrammarName, reply: string) => executeAction(GRAMMARS[grammar].parse(reply), browser.session);

describe('select', () => {
  const SIZES = `<select id="s" aria-label="Size"><option value="">Choose a size</option><option value="s"> Small (S)
    </option><option value="m">Medium (M)</option><option value="mx">MEDIUM TALL</option></select>`;

  it('WebRL picks the first option whose text contains the argument, ignoring case', async () => {
    await browser.session.page.setContent(SIZES);
    const size = byName(await observe(browser.session), 'combobox', 'Size');
    await act('webrl', `do(action="Select Dropdown Option", argument="medium", element="${size}")`);
    expect(await pageValue<string>('document.getElementById("s").value')).toBe('m');
    await act('webrl', `do(action="Select Dropdown Option", argument="small (s)", element="${size}")`);
    expect(await pageValue<string>('document.getElementById("s").value')).toBe('s');
  });

  it('WebRL: an argument no option contains is an action error naming the options, and changes nothing', async () => {
    await browser.session.page.setContent(SIZES);
    const size = byName(await observe(browser.session), 'combobox', 'Size');
    const error = await act('webrl', `do(action="Select Dropdown Option", argument="Large", element="${size}")`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).kind).toBe('execution');
    expect((error as ActionError).message).toBe(`No option of [${size}] contains "Large"; its options: "Choose a size", "Small (S)", "Medium (M)", "MEDIUM TALL".`);
    expect(await pageValue<string>('document.getElementById("s").value')).toBe('');
  });

  it('BrowserGym matches an option by value or label; WebArena by the exact label', async () => {
    await browser.session.page.setContent(SIZES);
    const size = byName(await observe(browser.session), 'combobox', 'Size');
    await act('browsergym', `select_option("${size}", "mx")`);
    expect(await pageValue<string>('document.getElementById("s").value')).toBe('mx');
    await act('webarena', `\`\`\`select [${size}] [Medium (M)]\`\`\``);
    expect(await pageValue<string>('document.getElementById("s").value')).toBe('m');
    await expect(act('webarena', `\`\`\`select [${size}] [medium]\`\`\``)).rejects.toBeInstanceOf(ActionError);
  });
});

describe('press and type', () => {
  const NOTE = '<label>Note <input id="n" value="hello" style="width:300px"></label>';
  const selection = () => pageValue<[number, number]>('[document.getElementById("n").selectionStart, document.getElementById("n").selectionEnd]');

  it('WebArena reads press [Meta+a] as Control+a off macOS: the field\'s text is selected', async () => {
    await browser.session.page.setContent(NOTE);
    await browser.session.page.focus('#n');
    await pageValue('document.getElementById("n").setSelectionRange(5, 5)');
    await act('webarena', '```press [Meta+a]```');
    expect(await selection()).toEqual(process.platform === 'darwin' ? [5, 5] : [0, 5]);
  });

  it('BrowserGym passes Meta through as written: on Linux it selects nothing', async () => {
    if (process.platform === 'darwin') return;
    await browser.session.page.setContent(NOTE);
    const note = byName(await observe(browser.session), 'textbox', 'Note');
    await pageValue('document.getElementById("n").focus(); document.getElementById("n").setSelectionRange(5, 5)');
    await act('browsergym', `press("${note}", "Meta+a")`);
    expect(await selection()).toEqual([5, 5]);
  });

  it('WebArena\'s type appends to the text already in the field; WebRL\'s Type replaces it', async () => {
    await browser.session.page.setContent(NOTE);
    const note = byName(await observe(browser.session), 'textbox', 'Note');
    await act('webarena', `\`\`\`type [${note}] [ world] [0]\`\`\``);
    expect(await pageValue<string>('document.getElementById("n").value')).toBe('hello world');
    await act('webrl', `do(action="Type", argument="fresh", element="${note}")`);
    expect(await pageValue<string>('document.getElementById("n").value')).toBe('fresh');
  });
});

describe('scroll distance on a tall page', () => {
  const TALL = '<body style="margin:0"><div style="height:20000px">tall</div></body>';
  const scrollY = () => pageValue<number>('window.scrollY');
  const viewportHeight = () => browser.session.page.viewportSize()!.height;

  /** scrollY after one scroll down from the top (the wheel may scroll smoothly: wait until it has moved). */
  async function scrolledBy(grammar: GrammarName, reply: string): Promise<number> {
    await browser.session.page.setContent(TALL);
    await pageValue('window.scrollTo(0, 0)'); // setContent keeps the last page's scroll position
    expect(await scrollY()).toBe(0);
    await act(grammar, reply);
    await expect.poll(scrollY, { timeout: 10_000 }).toBeGreaterThan(0);
    let last = -1;
    // Settled: the same position on two reads in a row.
    await expect.poll(async () => { const now = await scrollY(); const same = now === last; last = now; return same; }, { timeout: 10_000 }).toBe(true);
    return last;
  }

  it('WebArena moves the document by one window height (window.innerHeight), up as well as down', async () => {
    expect(await scrolledBy('webarena', '```scroll [down]```')).toBe(await pageValue<number>('window.innerHeight'));
    await act('webarena', '```scroll [up]```');
    expect(await scrollY()).toBe(0);
  });

  it('WebRL turns the wheel by 2/3 of the viewport height', async () => {
    expect(await scrolledBy('webrl', 'do(action="Scroll Down")')).toBe(Math.round((viewportHeight() * 2) / 3));
  });

  it('BrowserGym turns the wheel by the pixels it names', async () => {
    expect(await scrolledBy('browsergym', 'scroll(0, 300)')).toBe(300);
  });
});

// The security review of the eighth session: `goto [file:///etc/passwd]`, from a page's text or an LLM reply, put
// the file into the next observation (sent to the provider, stored, shown in the replay). goto opens web pages only.
describe('goto', () => {
  it('refuses file:, chrome:, view-source:, data: and javascript: URLs as an execution error, and stays on the page', async () => {
    await browser.session.page.setContent('<p>start</p>');
    const before = browser.session.page.url();
    for (const url of ['file:///etc/passwd', 'FILE:///etc/hostname', 'chrome://version', 'view-source:http://example.com', 'data:text/html,<p>x</p>', 'javascript:alert(1)']) {
      const error = await act('webarena', `\`\`\`goto [${url}]\`\`\``).catch((e: unknown) => e);
      expect(error, url).toBeInstanceOf(ActionError);
      expect((error as ActionError).kind).toBe('execution');
      expect((error as ActionError).message).toMatch(/^goto opens web pages only \(http or https\), not "/);
    }
    expect(browser.session.page.url()).toBe(before);
    expect(await pageValue<string>('document.body.textContent')).toBe('start');
  });

  it('still opens http pages and about:blank', async () => {
    await act('webarena', '```goto [about:blank]```');
    expect(browser.session.page.url()).toBe('about:blank');
  });
});
