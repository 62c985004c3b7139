// Sandbox tasks as benchmark tasks (docs/design/SANDBOX.md §3.1): over every family and several dataset seeds,
// no instance is already solved at its start, "the n most ..." names one set, and an answer's reference
// rejects plausible wrong answers while accepting the right one however it is phrased.
import { afterAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../../main/eval/profiles';
import { stringMatchChecks } from '../../../main/eval/string-match';
import { urlMatchChecks } from '../../../main/eval/url-match';
import { placeholderResolver } from '../../../main/runs/environments';
import { getCodeData } from '../../../main/sandbox/code/data';
import { groupProjects, pristineState, sortProjects, starCount } from '../../../main/sandbox/code/model';
import { findFamily, SANDBOX_FAMILIES } from '../../../main/sandbox/families';
import { startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import type { SandboxTaskInstance } from '../../../main/sandbox/types';
import { forumListPage } from '../../../main/sandbox/forum/families/common';
import { getForumData } from '../../../main/sandbox/forum/data';
import { predicateMonitor } from '../../../main/subgoals/monitor';
import type { BrowserSession } from '../../../main/browser/session';
import { client } from './helpers';
import type { WebArenaEval } from '../../../main/tasks/webarena-config';

const SEEDS = [1, 2, 3, 6, 7];
const PER_FAMILY = 20;
const instancesOf = (familyId: string, seed: number): SandboxTaskInstance[] => {
  const family = findFamily(familyId)!;
  return Array.from({ length: Math.min(PER_FAMILY, family.count?.(seed) ?? PER_FAMILY) }, (_, i) => family.instantiate(seed, i));
};
const evalOf = (inst: SandboxTaskInstance) => inst.config.eval as WebArenaEval;
const accepts = async (inst: SandboxTaskInstance, answer: string) =>
  (await stringMatchChecks({ evalConfig: evalOf(inst), intent: String(inst.config.intent), answer, profile: PROFILES.webarena })).every((c) => c.passed);

const servers: SandboxServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe.each(SEEDS)('no instance is solved before the agent acts (dataset seed %i)', (seed) => {
  it('the last reference milestone of a change task is false in a fresh state; a navigation task does not start on its answer', async () => {
    const server = await startSandboxServer({ port: 0, datasetSeed: seed });
    servers.push(server);
    const solvedAtStart: string[] = [];
    for (const family of SANDBOX_FAMILIES) {
      for (const inst of instancesOf(family.id, seed)) {
        if (family.kind === 'change') {
          const goal = inst.subgoals.at(-1)!.predicate;
          if (goal.kind !== 'site_state') continue;
          const { stateId } = server.createEpisodeState();
          if (server.checkState(stateId, goal.check, goal.args)) solvedAtStart.push(inst.id);
          server.dropEpisodeState(stateId);
        } else if (family.kind === 'navigation') {
          const resolve = placeholderResolver(server.placeholders());
          const evalConfig = { ...evalOf(inst), reference_url: resolve(String(evalOf(inst).reference_url)) };
          const checks = urlMatchChecks({ evalConfig, finalUrl: resolve(String(inst.config.start_url)), profile: PROFILES.webarena });
          if (checks.every((c) => c.passed)) solvedAtStart.push(inst.id);
          // The check can pass: the reference URL itself is accepted.
          expect(urlMatchChecks({ evalConfig, finalUrl: evalConfig.reference_url, profile: PROFILES.webarena }).every((c) => c.passed)).toBe(true);
        }
      }
    }
    expect(solvedAtStart).toEqual([]);
  });
});

describe('"the n most ..." names one set', () => {
  it.each(SEEDS.concat([4, 5, 8]))('code/star-top-projects: the n-th project is strictly ahead of the next (seed %i)', (seed) => {
    const data = getCodeData(seed);
    const state = pristineState(data);
    const ties: string[] = [];
    const family = findFamily('code/star-top-projects')!;
    for (let i = 0; i < family.count!(seed); i++) {
      const inst = family.instantiate(seed, i);
      const { group, n } = inst.config.instantiation_dict as { group: string; n: number };
      const byStars = String(inst.config.intent).includes('most-starred');
      const list = sortProjects(data, state, groupProjects(data, data.groups.find((g) => g.name === group)!.path), byStars ? 'stars_desc' : 'latest_activity_desc');
      const key = (k: number) => (byStars ? starCount(data, state, list[k]) : list[k].updatedAt);
      if (key(n - 1) === key(n)) ties.push(`${inst.id}: ${list[n - 1].name} and ${list[n].name} tie`);
    }
    expect(ties).toEqual([]);
  });
});

describe('travel-time answers (map/travel-time, map/nearest-then-route)', () => {
  it.each(['map/travel-time', 'map/nearest-then-route'])('%s accepts the minutes however phrased and rejects a number that only contains them', async (familyId) => {
    for (const seed of [1, 2]) {
      for (const inst of instancesOf(familyId, seed)) {
        const minutes = Number(/^(\d+) min/.exec(String(evalOf(inst).reference_answer_raw_annotation))![1]);
        // The intent says "Answer in minutes": a bare number is a right answer.
        for (const right of [`${minutes}`, `${minutes} min`, `${minutes} minutes.`, `About ${minutes} min`]) expect(await accepts(inst, right), `${inst.id} "${right}"`).toBe(true);
        for (const wrong of [`${minutes + 10} min`, `${minutes + 1} min`]) expect(await accepts(inst, wrong), `${inst.id} "${wrong}"`).toBe(false);
        if (minutes < 10) expect(await accepts(inst, `1${minutes} min`), `${inst.id}`).toBe(false);
      }
    }
  });
});

describe('reference milestones follow any order the task allows', () => {
  it('forum/subscribe-category: doing the second directory page first still completes every milestone', async () => {
    const server = await startSandboxServer({ port: 0, datasetSeed: 1 });
    servers.push(server);
    const data = getForumData(1);
    const family = findFamily('forum/subscribe-category')!;
    let checked = 0;
    for (let i = 0; i < family.count!(1); i++) {
      const inst = family.instantiate(1, i);
      const { stateId, cookie } = server.createEpisodeState();
      const web = client(server, cookie);
      const subscribed = (await web.get('/forum/subscriptions')).html;
      const todo = (inst.subgoals.at(-1)!.predicate as unknown as { args: { forums: string[] } }).args.forums.filter((f) => !subscribed.includes(`>${f}</a>`));
      const byPage = (page: number) => todo.filter((f) => forumListPage(data, f) === page);
      if (byPage(1).length === 0 || byPage(2).length === 0) continue;
      checked++;
      // The monitor reads the URL the browser is on and the episode's site state; a stand-in page gives the URL.
      let url = '';
      const monitor = predicateMonitor(inst.subgoals);
      const step = async (path: string) => {
        url = server.baseUrl + path;
        const session = { page: { url: () => url } } as unknown as BrowserSession;
        return (await monitor.afterAction({ t: 0, session, observation: {} as never, action: null, actionText: '', checkState: (c, a) => server.checkState(stateId, c, a) })).progress;
      };
      await step('/forum/forums');
      await step('/forum/forums?page=2');
      for (const f of byPage(2)) { await web.post(`/forum/f/${f}/subscribe`, { back: '/forum/forums?page=2' }); await step('/forum/forums?page=2'); }
      await step('/forum/forums');
      let progress: number[] = [];
      for (const f of byPage(1)) { await web.post(`/forum/f/${f}/subscribe`, { back: '/forum/forums' }); progress = await step('/forum/forums'); }
      expect(progress, `${inst.id}: ${JSON.stringify(inst.subgoals.map((g) => g.text))}`).toEqual(inst.subgoals.map(() => 1));
      server.dropEpisodeState(stateId);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
