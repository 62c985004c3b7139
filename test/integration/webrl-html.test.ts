import { describe, expect, it } from 'vitest';
import { executeAction } from '../../main/actions/executor';
import { parseWebRlAction } from '../../main/actions/webrl-grammar';
import { presentObservation } from '../../main/agent/observation-view';
import { observe } from '../../main/browser/observe';
import { useBrowserSession } from '../helpers/shared-browser';

// WebRL's observation of a real page (docs/design/WEBARENA.md §3): the simplified HTML VisualAgentBench's
// WebArena-Lite pipeline gives WebRL models, with its element ids acting through our executor. Every box is
// set by the page's CSS so the numbers do not depend on fonts. The expected string was worked out by hand
// from THUDM/VisualAgentBench VAB-WebArena-Lite/new/html_tools: prepare.js (data-bbox, data-text,
// data-value, data-status), clickable_checker.js and label.js (which elements get id="N", in what order),
// HtmlParser.parse and the 'xml' prompt (which elements stay, how each is written).
const browser = useBrowserSession();

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Shop</title>
<style>
  * { margin: 0; padding: 0; border: 0; font: 16px/20px sans-serif; }
  html, body { width: 800px; height: 600px; }
  .at { position: absolute; display: block; }
  a { cursor: pointer; }
  a span, button span { display: block; width: 100px; height: 20px; }
</style></head>
<body>
  <h1 class="at" style="left:10px;top:10px;width:300px;height:30px">Shop &amp;   more</h1>
  <div class="at" style="left:10px;top:50px;width:300px;height:20px">
    <a href="#home" class="at" style="left:0;top:0;width:100px;height:20px">Home</a>
    <a href="#cart" title="Cart" class="at" style="left:100px;top:0;width:100px;height:20px"><span>Cart</span></a>
  </div>
  <p class="at" style="left:10px;top:90px;width:300px;height:40px">Search <!-- c --> here<b style="display:block;width:30px;height:20px">bold</b> tail</p>
  <input type="text" placeholder="Search" value="boots" class="at" style="left:10px;top:140px;width:200px;height:20px">
  <input type="hidden" name="csrf" value="x">
  <select class="at" style="left:10px;top:170px;width:200px;height:20px"><option value="1">One</option><option value="2" selected>Two</option></select>
  <label class="at" style="left:10px;top:200px;width:200px;height:20px"><input type="checkbox" checked class="at" style="left:0;top:0;width:20px;height:20px"> In stock</label>
  <div aria-hidden="true" class="at" style="left:10px;top:230px;width:200px;height:20px">Hidden words</div>
  <div style="display:none">Gone</div>
  <div class="at" style="left:10px;top:2000px;width:200px;height:20px">Far below</div>
  <button class="at" style="left:10px;top:260px;width:100px;height:20px" onclick="document.title = 'bought'"><span>Buy</span></button>
</body></html>`;

// - the link whose span inherits its pointer cursor: the span (innermost clickable) gets the id, the link keeps its title;
// - the <p>: lxml's text is what comes before its first child (the comment gone), its own text nodes are data-text;
// - the hidden input, the aria-hidden and display:none divs and the div below the window are not written;
// - the label holds a clickable checkbox, so the checkbox gets the id; the select keeps its options.
const EXPECTED = '<html data-bbox="0,0,800,600"> <body data-bbox="0,0,800,600">'
  + ' <h1 data-text="Shop & more" data-bbox="10,10,300,30"> Shop & more </h1>'
  + ' <div data-bbox="10,50,300,20"> <a id="0" data-text="Home" data-bbox="10,50,100,20"> Home </a>'
  + ' <a title="Cart" data-bbox="110,50,100,20"> <span id="1" data-text="Cart" data-bbox="110,50,100,20"> Cart </span> </a> </div>'
  + ' <p data-text="Search,here,tail" data-bbox="10,90,300,40"> Search here <b data-text="bold" data-bbox="10,110,30,20"> bold </b> </p>'
  + ' <input id="2" value="boots" type="text" placeholder="Search" data-bbox="10,140,200,20"> </input>'
  + ' <select id="3" data-value="2" data-text="Two" data-bbox="10,170,200,20"> <option value="1" data-text="One"> One </option>'
  + ' <option value="2" data-text="Two" data-status="selected"> Two </option> </select>'
  + ' <label data-text="In stock" data-bbox="10,200,200,20"> <input id="4" type="checkbox" data-value="on" data-bbox="10,200,20,20" data-status="checked"> </input> </label>'
  + ' <button id="5" data-bbox="10,260,100,20"> <span data-text="Buy" data-bbox="10,260,100,20"> Buy </span> </button>'
  + ' </body> </html>';

describe('WebRL HTML of a real page', () => {
  it('is VisualAgentBench\'s simplified HTML, and its ids act through our executor', async () => {
    const page = browser.session.page;
    await page.setViewportSize({ width: 800, height: 600 });
    await page.setContent(PAGE);
    const observation = await observe(browser.session);
    const view = presentObservation(observation, 'webrl-html');
    expect(view.text).toBe(EXPECTED);
    // The page is as it was: the snapshot writes nothing into it (VisualAgentBench's own scripts do).
    expect(await page.evaluate(() => document.querySelectorAll('[data-bbox],[data-label-id],[data-text],.possible-clickable-element').length)).toBe(0);

    const act = async (reply: string) => {
      const action = view.toExecutable(parseWebRlAction(reply));
      await executeAction(action, browser.session);
      return action;
    };
    // id 1 is the span inside the Cart link: the executor acts on the link, the nearest element we list.
    const cart = await act('do(action="Click", element="1")');
    expect(observation.nodes.find((n) => n.id === cart.elementId)).toMatchObject({ role: 'link', name: 'Cart' });
    expect(await page.evaluate(() => location.hash)).toBe('#cart');
    await act('do(action="Type", argument="red shoes", element="2")');
    expect(await page.inputValue('input[type=text]')).toBe('red shoes');
    await act('do(action="Click", element="5")');
    expect(await page.title()).toBe('bought');
    expect(() => view.toExecutable(parseWebRlAction('do(action="Click", element="6")'))).toThrow('There is no element with id="6"');
  });

  // VisualAgentBench numbers only what is in the window (clickable_checker.js hit-tests each box's centre, and
  // elementFromPoint is null outside the viewport) and HtmlParser drops unlabelled elements outside it: WebRL's
  // own pages (webrl/data/htmls.json) have every id and box inside the 1280×720 window. A link below the fold is
  // not in the HTML until the page is scrolled to it, then it is numbered from 0 like any other.
  it('leaves out a link below the window, and numbers it once it is scrolled into view', async () => {
    const page = browser.session.page;
    await page.setViewportSize({ width: 800, height: 600 });
    await page.setContent(`<!DOCTYPE html><html><head><style>* { margin: 0; padding: 0; border: 0; font: 16px/20px sans-serif; }
      body { height: 3000px; } a { position: absolute; left: 10px; width: 100px; height: 20px; display: block; }</style></head>
      <body><a href="#top" style="top:10px">Top link</a><a href="#far" style="top:2000px">Far link</a></body></html>`);
    const before = presentObservation(await observe(browser.session), 'webrl-html').text;
    expect(before).toContain('<a id="0" data-text="Top link" data-bbox="10,10,100,20"> Top link </a>');
    expect(before).not.toContain('Far link');
    await page.evaluate('window.scrollTo(0, 1900)');
    const after = presentObservation(await observe(browser.session), 'webrl-html').text;
    expect(after).toContain('<a id="0" data-text="Far link" data-bbox="10,100,100,20"> Far link </a>');
    expect(after).not.toContain('Top link');
  });
});
