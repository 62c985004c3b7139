import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionError } from '../../main/actions/errors';
import { executeAction } from '../../main/actions/executor';
import { observe } from '../../main/browser/observe';
import type { BrowserSession } from '../../main/browser/session';
import { useFixturePages } from '../helpers/fixture-pages';

const pages = useFixturePages();
let session: BrowserSession;

beforeAll(async () => {
  session = await pages.pool.newSession();
  await session.page.goto(`${pages.url}/form.html`);
});
afterAll(async () => {
  await session?.close();
});

const idOf = (obs: Awaited<ReturnType<typeof observe>>, role: string, name: string) => {
  const node = obs.nodes.find((n) => n.role === role && n.name === name);
  if (!node) throw new Error(`no ${role} "${name}" in\n${obs.text}`);
  return node.id;
};

describe('observation', () => {
  it('renders a WebArena-style tree with roles, names and states, and skips hidden text', async () => {
    const obs = await observe(session);
    expect(obs.text.split('\n')[0]).toBe("RootWebArea 'Fixture form'");
    expect(obs.text).toMatch(/\[\d+\] link 'Other page'/);
    expect(obs.text).toMatch(/\[\d+\] heading 'Search the catalog' level: 1/);
    expect(obs.text).toMatch(/\[\d+\] textbox 'Query'/);
    expect(obs.text).toMatch(/\[\d+\] checkbox 'Only in stock' checked: false/);
    expect(obs.text).toMatch(/\[\d+\] combobox 'Color' value: Red/);
    expect(obs.text).not.toContain('hidden text');
    expect(obs.screenshot!.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8])); // JPEG magic
    expect(obs.viewport).toEqual({ width: 1280, height: 720 });
    // Boxes only for interactive elements inside the viewport: the far link (below 2000px) has none.
    const far = obs.nodes.find((n) => n.name === 'Far link')!;
    expect(obs.boxes.some((b) => b.id === far.id)).toBe(false);
    expect(obs.boxes.some((b) => b.id === idOf(obs, 'button', 'Search'))).toBe(true);
  });

  it('keeps ids stable across steps while elements exist, and never reuses them', async () => {
    const before = await observe(session);
    const searchId = idOf(before, 'button', 'Search');
    await executeAction({ type: 'click', elementId: idOf(before, 'button', 'Add a button') }, session);
    const after = await observe(session);
    expect(idOf(after, 'button', 'Search')).toBe(searchId);
    const added = idOf(after, 'button', 'Added 1');
    expect(Number(added)).toBeGreaterThan(Math.max(...before.nodes.map((n) => Number(n.id))));
  });
});

describe('actions', () => {
  it('types into a labelled field, submits with Enter, and reads the result', async () => {
    const obs = await observe(session);
    await executeAction({ type: 'type', elementId: idOf(obs, 'textbox', 'Query'), text: 'red shoes', pressEnter: true }, session);
    const after = await observe(session);
    expect(after.text).toContain("StaticText 'You searched: red shoes'");
    expect(after.text).toMatch(/textbox 'Query' value: red shoes/);
  });

  it('selects an option and checks a checkbox', async () => {
    const obs = await observe(session);
    await executeAction({ type: 'select', elementId: idOf(obs, 'combobox', 'Color'), text: 'Blue' }, session);
    await executeAction({ type: 'click', elementId: idOf(obs, 'checkbox', 'Only in stock') }, session);
    const after = await observe(session);
    expect(after.text).toMatch(/combobox 'Color' value: Blue/);
    expect(after.text).toMatch(/checkbox 'Only in stock' checked: true/);
  });

  it('turns unknown and removed ids into stale-id action errors', async () => {
    const obs = await observe(session);
    await expect(executeAction({ type: 'click', elementId: '99999' }, session)).rejects.toMatchObject({ kind: 'stale_id' });
    const adderId = idOf(obs, 'button', 'Add a button');
    await executeAction({ type: 'click', elementId: idOf(obs, 'button', 'Remove the add button') }, session);
    const error = await executeAction({ type: 'click', elementId: adderId }, session).catch((e) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(error.kind).toBe('stale_id');
    expect(error.message).toContain(`[${adderId}] is no longer on the page`);
  });

  it('follows a link, waits for the new page, goes back, and handles tabs', async () => {
    const obs = await observe(session);
    const result = await executeAction({ type: 'click', elementId: idOf(obs, 'link', 'Other page') }, session);
    expect(result.targetBox).not.toBeNull();
    expect(session.page.url()).toBe(`${pages.url}/other.html`);
    expect((await observe(session)).text).toContain("StaticText 'You arrived.'");
    await executeAction({ type: 'go_back' }, session);
    expect(session.page.url()).toBe(`${pages.url}/form.html`);
    await executeAction({ type: 'new_tab' }, session);
    expect(session.pages.length).toBe(2);
    expect(session.active).toBe(1);
    await executeAction({ type: 'goto', url: `${pages.url}/other.html` }, session);
    const two = await observe(session);
    expect(two.text.split('\n')[0]).toContain('1 (current): Other');
    await executeAction({ type: 'close_tab' }, session);
    expect(session.pages.length).toBe(1);
    await expect(executeAction({ type: 'tab_focus', tabIndex: 3 }, session)).rejects.toMatchObject({ kind: 'execution' });
  });
});
