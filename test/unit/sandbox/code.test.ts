import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../../main/sandbox/server';
import { getCodeData } from '../../../main/sandbox/code/data';
import { repoFiles, treeEntries } from '../../../main/sandbox/code/files';
import { site } from '../../../main/sandbox/code/index';
import { notesOf, parseIssueQuery, pristineState, projectIssues, queryIssues, starCount } from '../../../main/sandbox/code/model';
import { checkCodeState, freshCodeState, toggleStar } from '../../../main/sandbox/code/state';
import { client, localPath, textOfId } from './helpers';

const codeSite = site.module;
const codeFamilies = site.families;

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const data = () => getCodeData(1);
/** A project where the signed-in user is at least Maintainer (invites, closes issues). */
const managed = () => data().projects.find((p) => p.members.some((m) => m.username === data().user && (m.role === 'Maintainer' || m.role === 'Owner')))!;

describe('code dataset', () => {
  it('is deterministic per seed, differs across seeds, and is GitLab-sized', () => {
    const a = getCodeData(201);
    expect(getCodeData(201)).toBe(a);
    expect(a.projects.length).toBeGreaterThanOrEqual(40);
    expect(a.groups.length).toBeGreaterThanOrEqual(6);
    expect(a.users.length).toBeGreaterThan(50);
    const issues = [...a.issuesByProject.values()].flat();
    const commits = [...a.commitsByProject.values()].flat();
    expect(issues.length).toBeGreaterThan(500);
    expect(commits.length).toBeGreaterThan(800);
    expect([...a.notesByIssue.values()].flat().length).toBeGreaterThan(500);
    expect(new Set(a.projects.map((p) => p.name)).size).toBe(a.projects.length);
    expect(new Set(a.projects.map((p) => p.stars)).size).toBe(a.projects.length);
    for (const list of a.issuesByProject.values()) expect(new Set(list.map((i) => i.title)).size).toBe(list.length);
    expect(getCodeData(202).projects.map((p) => p.name)).not.toEqual(a.projects.map((p) => p.name));
    expect(repoFiles(a.projects[0]).some((f) => f.path === 'README.md')).toBe(true);
    expect(treeEntries(a.projects[0], '')!.length).toBeGreaterThan(3);
  });

  it('makes fresh states independent of each other (reset speed: npm run bench -- sandbox)', () => {
    const d = data();
    const one = freshCodeState(d);
    const two = freshCodeState(d);
    const p = d.projects.find((x) => !d.initialStars.includes(x.id))!;
    const before = starCount(d, one, p);
    toggleStar(one, p.id);
    expect(starCount(d, one, p)).toBe(before + 1);
    expect(starCount(d, two, p)).toBe(before);
    expect(checkCodeState(d, one, 'code.starred', { projects: [p.fullPath] })).toBe(true);
    expect(checkCodeState(d, two, 'code.starred', { projects: [p.fullPath] })).toBe(false);
    expect(d.initialStars).not.toContain(p.id);
  });

  it('filters and sorts issues by label, assignee, state and comments', () => {
    const d = data();
    const s = pristineState(d);
    const p = d.projects[0];
    const label = p.labels.find((l) => projectIssues(d, s, p.id).some((i) => i.labels.includes(l)))!;
    const q = parseIssueQuery(new URLSearchParams({ state: 'all', label_name: label, sort: 'comments_desc' }));
    const list = queryIssues(d, s, p.id, q);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((i) => i.labels.includes(label))).toBe(true);
    for (let k = 1; k < list.length; k++) expect(notesOf(d, s, list[k - 1]).length).toBeGreaterThanOrEqual(notesOf(d, s, list[k]).length);
  });
});

describe('code routes', () => {
  it('serves the main pages', async () => {
    const web = client(server);
    const d = data();
    const p = d.projects[0];
    const issue = d.issuesByProject.get(p.id)![0];
    const g = d.groups[0];
    const pages: Array<[string, RegExp]> = [
      ['/code', /<h1>Projects<\/h1>/],
      ['/code/explore?sort=stars_desc', /<strong aria-current="true">Most stars<\/strong>/],
      [`/code/explore?search=${p.name}`, new RegExp(`>${p.name}</a>`)],
      ['/code/explore?page=2', /Page 2 of/],
      ['/code/groups', /id="groups"/],
      [`/code/groups/${g.path}?sort=name_asc`, new RegExp(`<h1>${g.name}</h1>`)],
      [`/code/users/${d.user}`, /@byte_blossom/],
      ['/code/dashboard/starred', /Starred projects/],
      ['/code/dashboard/issues', /Issues assigned to you/],
      [`/code/${p.fullPath}`, /id="readme"/],
      [`/code/${p.fullPath}/-/tree/main`, /id="tree"/],
      [`/code/${p.fullPath}/-/blob/main/README.md`, /id="blob-content"/],
      [`/code/${p.fullPath}/-/commits/main?page=2`, /id="commits"/],
      [`/code/${p.fullPath}/-/branches`, /id="branches"/],
      [`/code/${p.fullPath}/-/labels`, /id="labels"/],
      [`/code/${p.fullPath}/-/issues?state=all&sort=updated_desc`, /id="issue-list"/],
      [`/code/${p.fullPath}/-/issues/${issue.iid}`, /<label for="note-body">Comment<\/label>/],
      [`/code/${p.fullPath}/-/issues/new`, /Create issue/],
      [`/code/${p.fullPath}/-/merge_requests?state=all`, /id="mr-list"/],
      [`/code/${p.fullPath}/-/merge_requests/1`, /Request to merge/],
      [`/code/${p.fullPath}/-/project_members`, /id="members"/],
      [`/code/${p.fullPath}/-/settings`, /General settings/],
      ['/code/help', /<h1>Help<\/h1>/],
    ];
    for (const [path, pattern] of pages) {
      const res = await web.get(path);
      expect(res.status, path).toBe(200);
      expect(res.html, path).toMatch(pattern);
    }
    for (const path of ['/code/nobody/nothing', `/code/${p.fullPath}/-/issues/9999`, `/code/${p.fullPath}/-/blob/main/nope.txt`, '/code/groups/none']) {
      expect((await web.get(path)).status, path).toBe(404);
    }
  });

  it('creates issues, comments, closes, stars and invites in the episode state only (303 after every POST)', async () => {
    const one = server.createEpisodeState();
    const two = server.createEpisodeState();
    const a = client(server, one.cookie);
    const b = client(server, two.cookie);
    const p = managed();
    const base = `/code/${p.fullPath}`;
    const assignee = p.members.find((m) => m.username !== data().user)!.username;
    const created = await a.post(`${base}/-/issues`, { title: 'Sandbox issue', body: 'Body', label: p.labels[0], assignee });
    expect(created.status).toBe(303);
    expect(created.location).toMatch(new RegExp(`^${base}/-/issues/\\d+$`));
    expect(textOfId((await a.get(created.location!)).html, 'labels')).toContain(p.labels[0]);
    expect(server.checkState(one.stateId, 'code.issue_created', { project: p.fullPath, title: 'Sandbox issue', labels: [p.labels[0]], assignee })).toBe(true);
    expect(server.checkState(two.stateId, 'code.issue_created', { project: p.fullPath })).toBe(false);
    expect(textOfId((await b.get(`${base}/-/issues?search=Sandbox+issue`)).html, 'issue-list')).toBe('No issues match these filters.');
    expect((await a.post(`${base}/-/issues`, { title: '' })).status).toBe(200);

    const iid = Number(created.location!.split('/').pop());
    expect((await a.post(`${base}/-/issues/${iid}/notes`, { body: 'Hello there' })).location).toMatch(/#note-\d+$/);
    expect(server.checkState(one.stateId, 'code.note_posted', { project: p.fullPath, iid, body: 'Hello there' })).toBe(true);
    expect((await a.post(`${base}/-/issues/${iid}/close`, {})).status).toBe(303);
    expect(server.checkState(one.stateId, 'code.issues_state', { project: p.fullPath, iids: [iid], state: 'closed' })).toBe(true);
    await a.post(`${base}/-/issues/${iid}/labels`, { add: p.labels[1] });
    expect(textOfId((await a.get(`${base}/-/issues/${iid}`)).html, 'labels')).toContain(p.labels[1]);

    expect((await a.post(`${base}/-/star`, {})).location).toBe(base);
    expect(server.checkState(one.stateId, 'code.starred', { projects: [p.fullPath], starred: !data().initialStars.includes(p.id) })).toBe(true);

    const outsider = data().users.find((u) => !p.members.some((m) => m.username === u.username))!;
    expect((await a.post(`${base}/-/project_members`, { user: outsider.name, role: 'Developer' })).status).toBe(303);
    expect(server.checkState(one.stateId, 'code.member_added', { project: p.fullPath, username: outsider.username, role: 'Developer' })).toBe(true);
    expect((await a.get(`${base}/-/project_members`)).html).toContain(`data-user="${outsider.username}" data-role="Developer"`);
    expect(server.checkState(two.stateId, 'code.member_added', { project: p.fullPath, username: outsider.username })).toBe(false);

    server.resetEpisodeState(one.stateId);
    expect(server.checkState(one.stateId, 'code.issue_created', { project: p.fullPath })).toBe(false);
  });
});

describe('code families', () => {
  it('has at least 8 families with codes 401-419, every kind, and mostly long plans', () => {
    expect(codeFamilies.length).toBeGreaterThanOrEqual(8);
    expect(new Set(codeFamilies.map((f) => f.kind))).toEqual(new Set(['info', 'navigation', 'change']));
    const long = codeFamilies.filter((f) => [0, 1, 2, 3, 4].every((i) => f.instantiate(1, i).oracle.length >= 8));
    expect(long.length).toBeGreaterThanOrEqual(Math.ceil(codeFamilies.length / 2));
    const codes = new Set<number>();
    for (const f of codeFamilies) {
      expect(f.id).toMatch(/^code\//);
      expect(f.count!(1)).toBeGreaterThanOrEqual(20);
      const inst = f.instantiate(1, 2);
      const code = Math.floor(Number(inst.config.task_id) / 100000);
      expect(code).toBeGreaterThanOrEqual(401);
      expect(code).toBeLessThanOrEqual(419);
      codes.add(code);
      expect(inst.config.sites).toEqual(['gitlab']);
      expect(String(inst.config.start_url)).toMatch(/^__GITLAB__/);
      expect(inst.oracle.length).toBeGreaterThanOrEqual(2);
      expect(inst.oracle.length).toBeLessThanOrEqual(25);
      expect(inst.subgoals.length).toBeGreaterThanOrEqual(3);
      expect(inst.subgoals.length).toBeLessThanOrEqual(5);
      expect(f.instantiate(1, 2)).toEqual(inst);
    }
    expect(codes.size).toBe(codeFamilies.length);
  });

  it('program_html and url_match targets point at pages that exist', async () => {
    for (const f of codeFamilies.filter((x) => x.kind !== 'info')) {
      for (const index of [0, 1, 2]) {
        const evalSpec = f.instantiate(1, index).config.eval as { program_html: Array<{ url: string }>; reference_url: string };
        const urls = [...evalSpec.program_html.map((t) => t.url).filter((u) => u !== 'last'), ...(evalSpec.reference_url ? [evalSpec.reference_url] : [])];
        for (const url of urls) expect((await client(server).get(localPath(server, url))).status, url).toBe(200);
      }
    }
  });
});
