// Scripted correct answers for MiniWoB++ tasks (issue 20), used by `npm run miniwob:solve`. Each one reads
// only what an agent reads — the instruction and the observation's nodes — and answers in WebArena's action
// grammar, so a +1 shows that the observation lists what the task needs and that the executor's clicks and
// key presses reach the page (docs/design/WEBARENA.md §3.1, §5). They are checks, not agents: where a seed
// asks for something a script does not handle it stops, and the run reports it.
import type { ObservedNode } from '../../main/browser/observation-types';

export interface SolveInput {
  intent: string;
  t: number;
  nodes: ObservedNode[];
}
/** The next action (WebArena grammar, without the ``` fence), or null when the script cannot go on. */
export type Solution = (input: SolveInput) => string | null;

const quoted = (text: string, index = 0): string | undefined => [...text.matchAll(/"([^"]*)"/g)][index]?.[1];
const act = {
  click: (n: ObservedNode | undefined) => (n ? `click [${n.id}]` : null),
  type: (n: ObservedNode | undefined, text: string | undefined) => (n && text !== undefined ? `type [${n.id}] [${text}] [0]` : null),
};
const find = (nodes: ObservedNode[], pred: (n: ObservedNode) => boolean) => nodes.find(pred);
const named = (nodes: ObservedNode[], name: string | undefined, role?: string) =>
  find(nodes, (n) => n.interactive && n.name === name && (!role || n.role === role));
const textboxes = (nodes: ObservedNode[]) => nodes.filter((n) => n.role === 'textbox');
const submit = (nodes: ObservedNode[]) => find(nodes, (n) => n.interactive && /^submit$/i.test(n.name));
/** The nodes under `parent` in the tree (deeper, until the depth comes back). */
function inside(nodes: ObservedNode[], parent: ObservedNode): ObservedNode[] {
  const start = nodes.indexOf(parent);
  const out: ObservedNode[] = [];
  for (let i = start + 1; i < nodes.length && nodes[i].depth > parent.depth; i++) out.push(nodes[i]);
  return out;
}
/** Steps in order: each entry is the action for that step. */
const steps = (...plan: ((nodes: ObservedNode[], intent: string) => string | null)[]): Solution =>
  ({ t, nodes, intent }) => plan[t]?.(nodes, intent) ?? null;

/** Types an answer into the (last) text field, then clicks Submit. */
const answer = (compute: (nodes: ObservedNode[], intent: string) => string | undefined) =>
  steps((nodes, intent) => act.type(textboxes(nodes).at(-1), compute(nodes, intent)), (nodes) => act.click(submit(nodes)));

function arithmetic(expression: string): number | undefined {
  const m = /(-?\d+)\s*([-+*x×/])\s*(-?\d+)/.exec(expression);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[3])];
  return m[2] === '+' ? a + b : m[2] === '-' ? a - b : m[2] === '/' ? a / b : a * b;
}

export const SOLUTIONS: Record<string, Solution> = {
  'click-button': steps((nodes, intent) => act.click(named(nodes, quoted(intent), 'button'))),
  'click-link': steps((nodes, intent) => act.click(named(nodes, quoted(intent)))),
  'click-dialog': steps((nodes) => act.click(named(nodes, 'Close', 'button'))),
  // The dialog's "x" is jQuery UI's close button, named Close.
  'click-dialog-2': steps((nodes, intent) => act.click(named(nodes, quoted(intent) === 'x' ? 'Close' : quoted(intent), 'button'))),
  'click-test': steps((nodes) => act.click(find(nodes, (n) => n.role === 'button'))),
  'click-test-2': steps((nodes, intent) => act.click(named(nodes, /button (\w+)/.exec(intent)?.[1], 'button'))),
  'click-tab': steps((nodes, intent) => act.click(named(nodes, /(Tab #\d+)/.exec(intent)?.[1], 'tab'))),
  'focus-text': steps((nodes) => act.click(textboxes(nodes)[0])),
  'enter-text': answer((_nodes, intent) => quoted(intent)),
  'enter-text-2': answer((_nodes, intent) => (/upper case/.test(intent) ? quoted(intent)?.toUpperCase() : quoted(intent)?.toLowerCase())),
  'enter-password': steps(
    (nodes, intent) => act.type(textboxes(nodes)[0], quoted(intent)),
    (nodes, intent) => act.type(textboxes(nodes)[1], quoted(intent)),
    (nodes) => act.click(submit(nodes)),
  ),
  'login-user': steps(
    (nodes, intent) => act.type(textboxes(nodes)[0], quoted(intent, 0)),
    (nodes, intent) => act.type(textboxes(nodes)[1], quoted(intent, 1)),
    (nodes) => act.click(named(nodes, 'Login', 'button')),
  ),
  'click-option': steps(
    (nodes, intent) => act.click(named(nodes, /^Select (.+) and click Submit/.exec(intent)?.[1], 'radio')),
    (nodes) => act.click(submit(nodes)),
  ),
  'click-checkboxes': ({ t, nodes, intent }) => {
    const list = /^Select (.*) and click Submit/.exec(intent)?.[1] ?? '';
    const wanted = list === 'nothing' ? [] : list.split(/, | and /).map((s) => s.trim()).filter(Boolean);
    if (t < wanted.length) return act.click(named(nodes, wanted[t], 'checkbox'));
    return t === wanted.length ? act.click(submit(nodes)) : null;
  },
  'click-widget': steps((nodes, intent) => {
    const kind = quoted(intent);
    const role = kind === 'text' || kind === 'textarea' ? 'textbox' : kind;
    return act.click(find(nodes, (n) => n.interactive && n.role === role));
  }),
  'read-table': answer((nodes, intent) => {
    const key = /value of (.+) into/.exec(intent)?.[1];
    const i = nodes.findIndex((n) => n.role === 'cell' && n.name === key);
    return i >= 0 ? nodes[i + 1]?.name : undefined;
  }),
  'find-word': answer((nodes, intent) => {
    const k = Number(/the (\d+)\w\w word/.exec(intent)?.[1]);
    const paragraph = find(nodes, (n) => n.role === 'paragraph');
    const text = paragraph ? inside(nodes, paragraph).map((n) => n.name).join(' ') : '';
    return text.split(/\s+/).map((w) => w.replace(/[.,]/g, ''))[k - 1];
  }),
  'simple-arithmetic': answer((nodes) => {
    const value = arithmetic(find(nodes, (n) => n.role === 'StaticText' && /=\s*$/.test(n.name))?.name ?? '');
    return value === undefined ? undefined : String(value);
  }),
  'simple-algebra': answer((nodes) => {
    const eq = find(nodes, (n) => n.role === 'StaticText' && /x/.test(n.name) && /=\s*-?\d/.test(n.name))?.name ?? '';
    const m = /^(-?\d+)\s*([-+])\s*x\s*=\s*(-?\d+)$/.exec(eq) ?? /^x\s*([-+])\s*(-?\d+)\s*=\s*(-?\d+)$/.exec(eq);
    if (!m) return undefined;
    if (eq.startsWith('x')) return String(m[1] === '+' ? Number(m[3]) - Number(m[2]) : Number(m[3]) + Number(m[2]));
    return String(m[2] === '+' ? Number(m[3]) - Number(m[1]) : Number(m[1]) - Number(m[3]));
  }),
  'copy-paste': steps(
    (nodes) => act.type(textboxes(nodes).find((n) => !n.props.value), textboxes(nodes).find((n) => n.props.value)?.props.value),
    (nodes) => act.click(submit(nodes)),
  ),
  // The numbers hide once the first is clicked: remember where each was, as a person would.
  'ascending-numbers': (() => {
    let places: ObservedNode['box'][] = [];
    return ({ t, nodes }: SolveInput) => {
      if (t === 0) places = nodes.filter((n) => /^\d+$/.test(n.name)).sort((a, b) => Number(a.name) - Number(b.name)).map((n) => n.box);
      const place = places[t];
      if (!place) return null;
      const [cx, cy] = [place.x + place.width / 2, place.y + place.height / 2];
      const b = (n: ObservedNode) => n.box ?? { x: -1, y: -1, width: 0, height: 0 };
      return act.click(find(nodes, (n) => n.interactive && cx >= b(n).x && cx <= b(n).x + b(n).width && cy >= b(n).y && cy <= b(n).y + b(n).height));
    };
  })(),
  'multi-orderings': ({ t, nodes, intent }) => {
    const m = /for (\w+) movies directed by (\w+) from year (\d+)/.exec(intent);
    if (!m) return null;
    const fieldFor = (header: string) => {
      const i = nodes.findIndex((n) => n.role === 'columnheader' && n.name === header);
      return find(nodes.slice(i + 1), (n) => n.role === 'textbox');
    };
    const plan = [act.type(fieldFor('Genre'), m[1]), act.type(fieldFor('Director'), m[2]), act.type(fieldFor('Year'), m[3]), act.click(submit(nodes))];
    return plan[t] ?? null;
  },
  'email-inbox-delete': steps((nodes, intent) => {
    const sender = /email by (\w+)/.exec(intent)?.[1];
    const thread = find(nodes, (n) => n.props.class === 'email-thread' && inside(nodes, n).some((c) => c.name === sender));
    return act.click(thread && find(inside(nodes, thread), (n) => n.props.class === 'trash'));
  }),
  'social-media': ({ t, nodes, intent }) => {
    const user = /user (@\w+)/.exec(intent)?.[1];
    const wanted = quoted(intent);
    const icon = { Reply: 'reply', Retweet: 'retweet', Like: 'like' }[wanted ?? ''];
    // The posts come after the instruction, which ends with '" button.'; the other actions sit in the "more" menu.
    const posts = nodes.slice(nodes.findIndex((n) => /button\.$/.test(n.name)) + 1);
    const at = posts.findIndex((n) => n.role === 'StaticText' && n.name === user);
    if (at < 0) return null;
    if (t === 0) return act.click(find(posts.slice(at), (n) => n.props.class === (icon ?? 'more')));
    // Menu entries may name the user too ("Mute @leo").
    return t === 1 && !icon ? act.click(find(posts.slice(at), (n) => n.interactive && (n.name === wanted || n.name.startsWith(`${wanted} `)))) : null;
  },
  terminal: ({ t, nodes, intent }) => {
    const ext = /extension (\.\w+)/.exec(intent)?.[1];
    const box = textboxes(nodes)[0];
    if (t === 0) return box ? `type [${box.id}] [ls] [1]` : null;
    // The terminal's text, as its own name (short) or as the lines under it.
    const screen = nodes.filter((n) => n.role === 'StaticText' || n.props.clickable === 'true').map((n) => n.name).join(' ');
    const file = screen.split(/\s+/).find((w) => ext && w.endsWith(ext) && w !== ext);
    return t === 1 && box && file ? `type [${box.id}] [rm ${file}] [1]` : null;
  },
};
