import { describe, expect, it } from 'vitest';
import type { ObservedNode } from '../../../main/browser/observation-types';
import { renderWebRlHtml } from '../../../main/browser/render-webrl-html';
import type { WebRlElement, WebRlSnapshot } from '../../../main/browser/webrl-dom-script';

// WebRL's observation is VisualAgentBench's WebArena-Lite simplified HTML (docs/design/WEBARENA.md §3). The
// expected string below was worked out by hand from THUDM/VisualAgentBench VAB-WebArena-Lite/new/html_tools:
// HtmlParser.parse (html_parser.py) decides which elements stay, HtmlPrompt.normal_prompt_constructor with the
// 'xml' prompt (prompt.py, configs/html_prompt.py) how each is written, config.py basic_attrs which attributes.
type Attrs = [string, string][];
const el = (tag: string, attrs: Attrs, children: WebRlElement[] = [], extra: Partial<WebRlElement> = {}): WebRlElement => ({
  tag, text: '', attrs, ariaHidden: false, label: null, children, textBelow: 0, ...extra,
});
const box = (b: string): [string, string] => ['data-bbox', b];
const said = (t: string): [string, string] => ['data-text', t];

const BODY: WebRlElement[] = [
  // Kept: visible with two children that have text (clickable_count > 1) though it has none of its own.
  el('div', [box('0,0,800,50')], [
    el('a', [said('Home'), box('10,10,40,20')], [], { text: 'Home', label: 0 }),
    // label.js numbers the innermost clickable: the span, not its link; the link stays for its title.
    el('a', [['title', 'Cart'], said(''), box('60,10,40,20')], [el('span', [said('Cart'), box('60,11,30,17')], [], { text: 'Cart', label: 1 })]),
  ]),
  // Dropped: one child with text and none of its own; the <p> moves up. Text is trimmed and written as lxml
  // decoded it, unescaped.
  el('div', [box('0,60,800,20')], [el('p', [said('Prices & <deals>'), box('0,60,400,20')], [], { text: ' Prices & <deals> ' })]),
  // Kept for two children with text that the snapshot left out (hidden inputs, say).
  el('div', [box('0,90,800,20')], [], { textBelow: 2 }),
  // Attributes in basic_attrs order; a value an earlier attribute showed (data-value = value) is left out.
  el('input', [['value', 'red shoes'], ['type', 'text'], ['placeholder', 'Search'], ['data-value', 'red shoes'], box('10,120,200,20')], [], { label: 2 }),
  // type="hidden" is dropped (check_attr) and there is no box: not shown, but it has text for the count.
  el('input', [['value', 'x'], ['type', 'hidden'], ['data-value', 'x']]),
  // A kept select keeps its options, which have no box (par_keep).
  el('select', [['data-value', '2'], said('Two'), box('10,150,200,20')], [
    el('option', [['value', '1'], said('One')], [], { text: 'One' }),
    el('option', [['value', '2'], said('Two'), ['data-status', 'selected']], [], { text: 'Two' }),
  ], { label: 3 }),
  // Below the window: neither it nor its options.
  el('select', [said('Far'), box('10,700,200,20')], [el('option', [said('Far')], [], { text: 'Far' })]),
  el('div', [said('Secret'), box('10,180,100,20')], [], { text: 'Secret', ariaHidden: true }),
  el('div', [said('Far right'), box('900,0,50,20')], [], { text: 'Far right' }),
  // The window's edges count as inside (x > width, x + w < 0 leave out); Python's strip() takes nbsp too.
  el('div', [said('Edge'), box('800,0,10,10')], [], { text: 'Edge' }),
  el('div', [said('Left'), box('-50,0,50,10')], [], { text: '\u00a0Left\u00a0' }),
  el('div', [said('Off left'), box('-60,0,50,10')], [], { text: 'Off left' }),
  // get_text keeps 500 characters.
  el('span', [said('L'.repeat(600)), box('0,200,800,20')], [], { text: 'L'.repeat(600) }),
  el('button', [['type', 'submit'], said(''), box('10,230,100,20')], [el('span', [said('Buy'), box('46,231,28,17')], [], { text: 'Buy' })], { label: 4 }),
  // Labelled but aria-hidden: kept for its label, written with it, though it does not count as shown.
  el('span', [said('×'), box('10,260,20,20')], [], { text: '×', label: 5, ariaHidden: true }),
];
const SNAPSHOT: WebRlSnapshot = {
  root: el('html', [box('0,0,800,600')], [el('head', [], [], { textBelow: 1 }), el('body', [said(''), box('0,0,800,600')], BODY)]),
  viewport: { width: 800, height: 600 },
  // Our ids of each labelled element and its ancestors, nearest first (webrl-dom-script.ts).
  labelTargets: [['31', '1'], ['40', '1'], ['57', '1'], ['60', '1'], ['81', '80', '78', '1'], []].map((chain) => chain.map(Number)),
};

const EXPECTED = '<html data-bbox="0,0,800,600"> <body data-bbox="0,0,800,600">'
  + ' <div data-bbox="0,0,800,50"> <a id="0" data-text="Home" data-bbox="10,10,40,20"> Home </a>'
  + ' <a title="Cart" data-bbox="60,10,40,20"> <span id="1" data-text="Cart" data-bbox="60,11,30,17"> Cart </span> </a> </div>'
  + ' <p data-text="Prices & <deals>" data-bbox="0,60,400,20"> Prices & <deals> </p>'
  + ' <div data-bbox="0,90,800,20"> </div>'
  + ' <input id="2" value="red shoes" type="text" placeholder="Search" data-bbox="10,120,200,20"> </input>'
  + ' <select id="3" data-value="2" data-text="Two" data-bbox="10,150,200,20"> <option value="1" data-text="One"> One </option>'
  + ' <option value="2" data-text="Two" data-status="selected"> Two </option> </select>'
  + ' <div data-text="Edge" data-bbox="800,0,10,10"> Edge </div>'
  + ' <div data-text="Left" data-bbox="-50,0,50,10"> Left </div>'
  + ` <span data-text="${'L'.repeat(500)}" data-bbox="0,200,800,20"> ${'L'.repeat(500)} </span>`
  + ' <button id="4" type="submit" data-bbox="10,230,100,20"> <span data-text="Buy" data-bbox="46,231,28,17"> Buy </span> </button>'
  + ' <span id="5" data-text="×" data-bbox="10,260,20,20"> × </span>'
  + ' </body> </html>';

const node = (id: string, role: string, targetId = id): ObservedNode => ({ id, role, name: '', depth: 0, props: {}, box: null, targetId, interactive: true });
const NODES = [node('31', 'link'), node('40', 'link'), node('57', 'textbox'), node('60', 'combobox'), node('78', 'listitem'), node('80', 'button'), node('90', 'StaticText', '78')];

describe('renderWebRlHtml', () => {
  const view = renderWebRlHtml(SNAPSHOT, NODES);

  it('writes the page as VisualAgentBench\'s HtmlParser does, on one line', () => {
    expect(view.html).toBe(EXPECTED);
    expect(view.html).not.toContain('\n');
  });

  it('maps each id="N" to the nearest element the observation lists, and back', () => {
    expect(['0', '1', '2', '3', '4'].map(view.toNodeId)).toEqual(['31', '40', '57', '60', '80']);
    expect(view.toNodeId('5')).toBeUndefined(); // labelled, but nothing of ours holds it
    expect(view.toNodeId('6')).toBeUndefined();
    expect(view.toNodeId('31')).toBeUndefined(); // our id is not WebRL's
    expect(view.toNodeId('1.0')).toBeUndefined();
    expect(view.toSequentialId('40')).toBe('1');
    // A node no id resolves to is reached through a labelled element inside it (the button in a list item);
    // a StaticText node through the element that holds it.
    expect(view.toSequentialId('78')).toBe('4');
    expect(view.toSequentialId('90')).toBe('4');
    expect(view.toSequentialId('999')).toBeUndefined();
    expect(view.idMap()).toEqual({ 0: '31', 1: '40', 2: '57', 3: '60', 4: '80' });
  });

  it('says so when the observation came without a DOM snapshot', () => {
    expect(() => renderWebRlHtml(undefined, NODES)).toThrow('without the DOM snapshot');
  });

  it('renders an empty page as nothing', () => {
    expect(renderWebRlHtml({ root: null, viewport: { width: 1, height: 1 }, labelTargets: [] }, []).html).toBe('');
  });
});
