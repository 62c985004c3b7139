// Which elements listen for clicks and keys (docs/design/WEBARENA.md §3.1). A page cannot read its own
// listeners, but the browser can: CDP's DOMDebugger.getEventListeners over the whole document (depth −1)
// returns every listener with the node it is on. The nodes found are handed to the page as WeakSets on
// window — the in-page extraction (page-script.ts) reads the click set, the executor's `type` the key set —
// and nothing is written into the DOM.
import type { CDPSession, Page } from 'playwright';

/** Events that mean "a person can click this". */
export const CLICK_EVENTS: ReadonlySet<string> = new Set([
  'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'contextmenu',
]);
/** Events that mean "this page reacts to keys as they are pressed" (a fill alone would not fire them). */
export const KEY_EVENTS: ReadonlySet<string> = new Set(['keydown', 'keypress', 'keyup']);

/** The window properties the page-side code reads. */
export const LISTENING_GLOBALS = { click: '__miraListening', key: '__miraKeyListening' } as const;

interface CdpListener {
  type: string;
  backendNodeId?: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession | null>>();
const OBJECT_GROUP = 'mira-listeners';

/** One CDP session per tab, kept while the tab lives; null where the browser offers none (not Chromium). */
function cdpFor(page: Page): Promise<CDPSession | null> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page).catch(() => null);
    sessions.set(page, session);
  }
  return session;
}

/** Finds the nodes with click and key listeners and stores them on window. Returns how many elements listen
 * for clicks, or null when listeners could not be read (the page script then relies on its heuristics). */
export async function markClickListeners(page: Page): Promise<number | null> {
  const cdp = await cdpFor(page);
  if (!cdp) return null;
  try {
    return await markWith(cdp);
  } catch {
    // A session from before a crash or a process swap: open a fresh one next time.
    sessions.delete(page);
    return null;
  } finally {
    // Sent, not awaited: the session handles it before the next request, and nothing here needs its answer.
    void cdp.send('Runtime.releaseObjectGroup', { objectGroup: OBJECT_GROUP }).catch(() => undefined);
  }
}

export interface CdpNode {
  backendNodeId: number;
  nodeType: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** Where a node is, as the page can follow it: indices into `children` (elements only: CDP leaves out
 * whitespace text, so node indices would drift), with -1 for "into the open shadow root". */
type NodePath = number[];

export function pathsTo(root: CdpNode, wanted: ReadonlySet<number>): Map<number, NodePath> {
  const found = new Map<number, NodePath>();
  const walk = (node: CdpNode, path: NodePath) => {
    if (wanted.has(node.backendNodeId)) found.set(node.backendNodeId, path);
    (node.children ?? []).filter((c) => c.nodeType === 1).forEach((child, i) => walk(child, [...path, i]));
    for (const shadow of node.shadowRoots ?? []) walk(shadow, [...path, -1]);
  };
  walk(root, []);
  return found;
}

async function markWith(cdp: CDPSession): Promise<number> {
  const objectOf = async (expression: string) =>
    (await cdp.send('Runtime.evaluate', { expression, objectGroup: OBJECT_GROUP })).result.objectId;
  // Independent requests go out together: the renderer answers them in order, the step waits one round trip.
  const [documentId, windowId] = await Promise.all([objectOf('document'), objectOf('window')]);
  if (!documentId || !windowId) return 0;
  const listenersOf = async (objectId: string, depth: number) =>
    ((await cdp.send('DOMDebugger.getEventListeners', { objectId, depth, pierce: true })) as { listeners: CdpListener[] }).listeners;
  const [inDocument, inWindow] = await Promise.all([listenersOf(documentId, -1), listenersOf(windowId, 0)]);
  const windowListensForKeys = inWindow.some((l) => KEY_EVENTS.has(l.type));
  const nodesFor = (types: ReadonlySet<string>) =>
    new Set(inDocument.filter((l) => types.has(l.type) && l.backendNodeId).map((l) => l.backendNodeId!));
  const clickNodes = nodesFor(CLICK_EVENTS);
  const keyNodes = nodesFor(KEY_EVENTS);
  // One tree read instead of one DOM.resolveNode per node (hundreds on a real site: a second per step).
  let paths = new Map<number, NodePath>();
  if (clickNodes.size + keyNodes.size > 0) {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    void cdp.send('DOM.disable').catch(() => undefined); // no mutation events for a tree we read once (nothing to wait for)
    paths = pathsTo(root, new Set([...clickNodes, ...keyNodes]));
  }
  const pick = (ids: Set<number>) => [...ids].map((id) => paths.get(id)).filter((p): p is NodePath => p !== undefined);
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: documentId,
    // html and body listen for page-wide reasons (delegation, closing menus): they are not click targets.
    functionDeclaration: `function (clickPaths, keyPaths, windowKeys) {
      const follow = (path) => {
        let node = document;
        for (const i of path) node = node && (i < 0 ? node.shadowRoot : node.children[i]);
        return node || null;
      };
      const clicks = new WeakSet();
      const keys = new WeakSet();
      for (const p of clickPaths) {
        const n = follow(p);
        if (n instanceof Element && n !== document.documentElement && n !== document.body) clicks.add(n);
      }
      for (const p of keyPaths) { const n = follow(p); if (n) keys.add(n); }
      if (windowKeys) keys.add(window);
      window[${JSON.stringify(LISTENING_GLOBALS.click)}] = clicks;
      window[${JSON.stringify(LISTENING_GLOBALS.key)}] = keys;
      return clickPaths.length;
    }`,
    arguments: [{ value: pick(clickNodes) }, { value: pick(keyNodes) }, { value: windowListensForKeys }],
    returnByValue: true,
  });
  return Number(result.value ?? 0);
}
