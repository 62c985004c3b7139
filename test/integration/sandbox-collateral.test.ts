import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateEpisode } from '../../main/eval/evaluate';
import { placeholderResolver } from '../../main/runs/environments';
import { getAdminData } from '../../main/sandbox/admin/data';
import { getCodeData } from '../../main/sandbox/code/data';
import { findFamily } from '../../main/sandbox/families';
import { getForumData } from '../../main/sandbox/forum/data';
import { startSandboxServer, type SandboxServer } from '../../main/sandbox/server';
import { getShopData } from '../../main/sandbox/shop/data';
import type { SandboxTaskInstance } from '../../main/sandbox/types';
import { connectBrowser } from '../helpers/shared-browser';
import { client } from '../unit/sandbox/helpers';

// Sandbox change tasks must reject the right change plus collateral damage (docs/design/SANDBOX.md §3.1): the
// asked-for change is made over HTTP in a fresh episode state and scored by the real program_html evaluator in
// Chromium (it passes), then the same change plus one plausible extra change on a near-miss item (it fails).
// Before the fix, every family below scored the collateral case 1: its checks looked only at the targets.

const SEED = 1;
let server: SandboxServer;
let browser: Browser;

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, datasetSeed: SEED });
  browser = await connectBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 120_000);

type Web = ReturnType<typeof client>;
const lastArgs = (inst: SandboxTaskInstance) => (inst.subgoals.at(-1)!.predicate as { args: Record<string, any> }).args;
const dict = (inst: SandboxTaskInstance) => (inst.config as { instantiation_dict: Record<string, any> }).instantiation_dict;

/** Makes the changes in a fresh episode state, then scores the instance on that state. */
async function scoreAfter(inst: SandboxTaskInstance, change: (web: Web) => Promise<void>): Promise<{ success: boolean; failed: string[] }> {
  const state = server.createEpisodeState();
  await change(client(server, state.cookie));
  const context = await browser.newContext();
  try {
    await context.addCookies([state.cookie]);
    const page = await context.newPage();
    const result = await evaluateEpisode(inst.config, {
      answer: '', finalUrl: '', profile: 'webarena', placeholders: placeholderResolver(server.placeholders()), page, settleMs: 0,
    });
    return { success: result.success, failed: result.checks.filter((c) => !c.passed).map((c) => c.rule) };
  } finally {
    await context.close();
    server.dropEpisodeState(state.stateId);
  }
}

/** The first of the family's instances that has a near-miss item (`pick` returns it, or undefined). */
function instanceWith<T>(family: string, pick: (inst: SandboxTaskInstance) => T | undefined): { inst: SandboxTaskInstance; extra: T } {
  for (let i = 0; i < 40; i++) {
    const inst = findFamily(family)!.instantiate(SEED, i);
    const extra = pick(inst);
    if (extra !== undefined) return { inst, extra };
  }
  throw new Error(`${family}: no instance with a near-miss item`);
}

async function expectCollateralRejected(inst: SandboxTaskInstance, asked: (web: Web) => Promise<void>, collateral: (web: Web) => Promise<void>) {
  expect(await scoreAfter(inst, asked)).toEqual({ success: true, failed: [] });
  const damaged = await scoreAfter(inst, async (web) => { await asked(web); await collateral(web); });
  expect(damaged.success).toBe(false);
}

describe('change tasks reject the right change plus collateral damage (webarena profile, Chromium)', () => {
  it('forum/subscribe-category: subscribing to a forum of the category outside the threshold fails', { timeout: 120_000 }, async () => {
    const data = getForumData(SEED);
    const { inst, extra } = instanceWith('forum/subscribe-category', (i) => {
      const targets: string[] = lastArgs(i).forums;
      return data.forums.find((f) => f.group === dict(i).category && !targets.includes(f.name))?.name;
    });
    const subscribe = async (web: Web, forums: string[]) => {
      const page = (await web.get('/forum/subscriptions')).html;
      for (const f of forums) if (!page.includes(`>${f}</a>`)) await web.post(`/forum/f/${f}/subscribe`, { back: '/forum/subscriptions' });
    };
    await expectCollateralRejected(inst, (web) => subscribe(web, lastArgs(inst).forums), (web) => subscribe(web, [extra]));
  });

  it('code/star-top-projects: starring one more project of the group fails', { timeout: 120_000 }, async () => {
    const data = getCodeData(SEED);
    const starredAtStart = new Set(data.projects.filter((p) => data.initialStars.includes(p.id)).map((p) => p.fullPath));
    const { inst, extra } = instanceWith('code/star-top-projects', (i) => {
      const targets: string[] = lastArgs(i).projects;
      const group = data.groups.find((g) => g.name === dict(i).group)!;
      return data.projects.find((p) => p.fullPath.startsWith(`${group.path}/`) && !targets.includes(p.fullPath) && !starredAtStart.has(p.fullPath))?.fullPath;
    });
    const star = async (web: Web, paths: string[]) => { for (const x of paths) if (!starredAtStart.has(x)) await web.post(`/code/${x}/-/star`, {}); };
    await expectCollateralRejected(inst, (web) => star(web, lastArgs(inst).projects), (web) => star(web, [extra]));
  });

  it('admin/customer-group: moving a customer of the same group in another city fails', { timeout: 120_000 }, async () => {
    const data = getAdminData(SEED);
    const { inst, extra } = instanceWith('admin/customer-group', (i) => data.customers.find((c) => c.group === dict(i).from && c.city !== dict(i).city));
    const move = async (web: Web, ids: number[]) => { for (const id of ids) await web.post(`/admin/customer/save/${id}`, { group: dict(inst).to }); };
    await expectCollateralRejected(inst, (web) => move(web, lastArgs(inst).customers), (web) => move(web, [extra.id]));
  });

  it('admin/restock-low: restocking the next-lowest product too fails', { timeout: 120_000 }, async () => {
    const data = getAdminData(SEED);
    const { inst, extra } = instanceWith('admin/restock-low', (i) => {
      const ids: number[] = lastArgs(i).products;
      const category = data.products.find((p) => p.id === ids[0])!.categorySlug;
      const enabledOnly = String(i.config.intent).includes('enabled');
      return data.products.filter((p) => p.categorySlug === category && (!enabledOnly || p.status === 'Enabled') && !ids.includes(p.id))
        .sort((a, b) => a.qty - b.qty || a.id - b.id)[0];
    });
    const restock = async (web: Web, ids: number[]) => {
      for (const id of ids) {
        const p = data.productById.get(id)!;
        expect((await web.post(`/admin/catalog/product/save/${id}`, { name: p.name, price: (p.price / 100).toFixed(2), qty: lastArgs(inst).qty, status: p.status })).status).toBe(303);
      }
    };
    await expectCollateralRejected(inst, (web) => restock(web, lastArgs(inst).products), (web) => restock(web, [extra.id]));
  });

  it("admin/cancel-pending: canceling the customer's processing order too fails", { timeout: 120_000 }, async () => {
    const data = getAdminData(SEED);
    const { inst, extra } = instanceWith('admin/cancel-pending', (i) => {
      const customer = data.customers.find((c) => c.name === dict(i).customer)!;
      return data.ordersByCustomer.get(customer.id)!.find((o) => o.status === 'Processing');
    });
    const cancel = async (web: Web, ids: number[]) => { for (const id of ids) await web.post(`/admin/sales/order/${id}/cancel`, {}); };
    await expectCollateralRejected(inst, (web) => cancel(web, lastArgs(inst).orders), (web) => cancel(web, [extra.id]));
  });

  it("admin/moderate-reviews: moderating another product's pending review too fails", { timeout: 120_000 }, async () => {
    const data = getAdminData(SEED);
    const { inst, extra } = instanceWith('admin/moderate-reviews', (i) => {
      const ids: number[] = lastArgs(i).reviews;
      const productId = data.reviewById.get(ids[0])!.productId;
      return data.reviews.filter((r) => r.productId !== productId && r.status === 'Pending').sort((a, b) => b.id - a.id)[0];
    });
    const verb = lastArgs(inst).status === 'Approved' ? 'approve' : 'reject';
    const moderate = async (web: Web, ids: number[]) => { for (const id of ids) await web.post(`/admin/review/${id}/${verb}`, {}); };
    await expectCollateralRejected(inst, (web) => moderate(web, lastArgs(inst).reviews), (web) => moderate(web, [extra.id]));
  });

  it('code/close-labelled-issues: closing an open issue without the label too fails', { timeout: 120_000 }, async () => {
    const data = getCodeData(SEED);
    const { inst, extra } = instanceWith('code/close-labelled-issues', (i) => {
      const project = data.projectByPath.get(lastArgs(i).project)!;
      return (data.issuesByProject.get(project.id) ?? []).filter((x) => x.state === 'opened' && !x.labels.includes(dict(i).label)).sort((a, b) => b.iid - a.iid)[0];
    });
    const close = async (web: Web, iids: number[]) => { for (const iid of iids) await web.post(`/code/${lastArgs(inst).project}/-/issues/${iid}/close`, {}); };
    await expectCollateralRejected(inst, (web) => close(web, lastArgs(inst).iids), (web) => close(web, [extra.iid]));
  });

  it('shop/add-to-cart and shop/checkout: another product in the cart or the order fails', { timeout: 120_000 }, async () => {
    const data = getShopData(SEED);
    const METHODS: Record<string, string> = { 'Flat Rate': 'flatrate', 'Express Delivery': 'express', 'Store Pickup': 'pickup' };
    for (const family of ['shop/add-to-cart', 'shop/checkout']) {
      const inst = findFamily(family)!.instantiate(SEED, 1);
      const d = dict(inst);
      const product = data.products.find((p) => p.name === d.product)!;
      const other = data.products.find((p) => p.id !== product.id && p.sizes.length === 0)!;
      const addAsked = (web: Web) => web.post('/shop/cart/add', { product: product.id, color: d.color, size: d.size ?? '', qty: d.qty });
      const addOther = (web: Web) => web.post('/shop/cart/add', { product: other.id, color: other.colors[0], size: '', qty: 1 });
      const checkout = async (web: Web) => {
        if (family !== 'shop/checkout') return;
        const res = await web.post('/shop/checkout', { name: d.name, street: d.street, city: d.city, state: d.state, zip: d.zip, method: METHODS[d.shipping] });
        expect(res.status).toBe(303);
      };
      expect(await scoreAfter(inst, async (web) => { await addAsked(web); await checkout(web); })).toEqual({ success: true, failed: [] });
      const damaged = await scoreAfter(inst, async (web) => { await addAsked(web); await addOther(web); await checkout(web); });
      expect(damaged.success, family).toBe(false);
    }
  });
});
