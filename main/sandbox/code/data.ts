// The code site's seeded dataset (GitLab-like): ~60 users, 7 groups, ~45 projects with members and labels,
// hundreds of issues with comments, ~1500 commits and merge requests. A pure function of the seed, generated
// once per seed and shared read-only; episode writes live in state.ts as overlays.
import { chance, pick, randInt, rngFor, sample, type Rng } from '../../random/seeded-random';
import { relativeTime } from '../formatting';
import {
  BRANCH_WORDS, COMMENT_TEMPLATES, COMMIT_TEMPLATES, DEFAULT_USER, FIRST_NAMES, GROUPS, ISSUE_BODIES, ISSUE_SUBJECTS, ISSUE_TEMPLATES,
  LABELS, LANGUAGES, LAST_NAMES, PROJECT_FIRST, PROJECT_PURPOSES, PROJECT_SECOND, type Language, type Role,
} from './vocab';

/** The site's fixed "now": ages and new items use it. */
export const CODE_NOW = Date.UTC(2024, 4, 20, 12, 0);
const DAY = 86_400_000;

export interface User { username: string; name: string; bio: string; joined: number }
export interface Member { username: string; role: Role }
export interface Group { path: string; name: string; description: string; members: Member[] }

export interface Project {
  id: number;
  /** Group path or username. */
  namespace: string;
  nsKind: 'group' | 'user';
  name: string;
  /** `namespace/name`, the project's URL path. */
  fullPath: string;
  description: string;
  language: Language;
  version: string;
  /** Stars from everyone (the signed-in user's star included when initially starred). */
  stars: number;
  forks: number;
  createdAt: number;
  updatedAt: number;
  members: Member[];
  labels: string[];
  branches: string[];
}

export interface Issue {
  projectId: number;
  iid: number;
  title: string;
  body: string;
  author: string;
  assignee: string | null;
  labels: string[];
  state: 'opened' | 'closed';
  createdAt: number;
  updatedAt: number;
}

export interface Note { id: number; projectId: number; iid: number; author: string; body: string; createdAt: number }
export interface Commit { sha: string; projectId: number; title: string; author: string; createdAt: number }

export interface MergeRequest {
  projectId: number;
  iid: number;
  title: string;
  description: string;
  author: string;
  assignee: string | null;
  source: string;
  target: string;
  state: 'opened' | 'merged' | 'closed';
  labels: string[];
  createdAt: number;
}

export interface CodeData {
  seed: number;
  user: string;
  users: User[];
  userByName: Map<string, User>;
  groups: Group[];
  groupByPath: Map<string, Group>;
  projects: Project[];
  projectByPath: Map<string, Project>;
  issuesByProject: Map<number, Issue[]>;
  /** Oldest first, keyed by `issueKey`. */
  notesByIssue: Map<string, Note[]>;
  /** Newest first. */
  commitsByProject: Map<number, Commit[]>;
  mrsByProject: Map<number, MergeRequest[]>;
  /** Project ids the signed-in user has starred before the episode. */
  initialStars: number[];
}

export const issueKey = (projectId: number, iid: number): string => `${projectId}#${iid}`;
const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
const fillS = (t: string, s: string): string => t.replace('{S}', cap(s)).replace('{s}', s);

function makeUsers(rng: Rng): User[] {
  const users = new Map<string, User>();
  while (users.size < 60) {
    const first = pick(rng, FIRST_NAMES);
    const last = pick(rng, LAST_NAMES);
    const username = `${first[0]}${last}`.toLowerCase();
    if (users.has(username) || [...users.values()].some((u) => u.name === `${first} ${last}`)) continue;
    users.set(username, { username, name: `${first} ${last}`, bio: `${pick(rng, ['Backend', 'Frontend', 'Platform', 'Data', 'Security'])} engineer.`, joined: CODE_NOW - randInt(rng, 200, 2400) * DAY });
  }
  users.set(DEFAULT_USER.username, { ...DEFAULT_USER, bio: 'Building things with the MiRA team.', joined: CODE_NOW - 900 * DAY });
  return [...users.values()].sort((a, b) => a.username.localeCompare(b.username));
}

/** A skewed pick: the first few people of the list do most of the work. */
const skewed = <T>(rng: Rng, items: T[]): T => items[Math.floor(items.length * rng() * rng())];

function makeMembers(rng: Rng, users: User[], me: string): Member[] {
  const others = sample(rng, users.filter((u) => u.username !== me), randInt(rng, 3, 8));
  const members: Member[] = others.map((u, i) => ({ username: u.username, role: i === 0 ? 'Owner' : pick(rng, ['Developer', 'Developer', 'Reporter', 'Maintainer', 'Guest'] as Role[]) }));
  // The signed-in user is in about two thirds of the projects, often able to manage them.
  if (chance(rng, 0.65)) members.splice(1, 0, { username: me, role: pick(rng, ['Maintainer', 'Maintainer', 'Developer', 'Reporter'] as Role[]) });
  return members;
}

function makeIssues(rng: Rng, p: Project, users: User[]): { issues: Issue[]; notes: Note[] } {
  const issues: Issue[] = [];
  const notes: Note[] = [];
  const titles = new Set<string>();
  const memberNames = p.members.map((m) => m.username);
  const n = randInt(rng, 8, 42);
  let t = p.createdAt;
  for (let iid = 1; iid <= n; iid++) {
    t += randInt(rng, 1, Math.max(2, Math.floor((CODE_NOW - p.createdAt) / DAY / n))) * DAY + randInt(rng, 0, 86_000) * 1000;
    const createdAt = Math.min(t, CODE_NOW - 3600_000);
    const labels = sample(rng, p.labels, chance(rng, 0.15) ? 0 : chance(rng, 0.6) ? 1 : 2);
    const kind = labels.find((l) => l in ISSUE_TEMPLATES) ?? 'other';
    let title = '';
    do title = fillS(pick(rng, ISSUE_TEMPLATES[kind]), pick(rng, ISSUE_SUBJECTS));
    while (titles.has(title));
    titles.add(title);
    const author = chance(rng, 0.5) ? skewed(rng, memberNames) : pick(rng, users).username;
    const noteCount = chance(rng, 0.2) ? 0 : Math.floor(Math.exp(rng() * 2.3));
    let last = createdAt;
    for (let k = 0; k < noteCount; k++) {
      last = Math.min(CODE_NOW - 60_000, last + randInt(rng, 1, 96) * 1800_000);
      notes.push({ id: 0, projectId: p.id, iid, author: chance(rng, 0.7) ? pick(rng, memberNames) : pick(rng, users).username, body: fillS(pick(rng, COMMENT_TEMPLATES), pick(rng, ISSUE_SUBJECTS)), createdAt: last });
    }
    issues.push({
      projectId: p.id, iid, title, body: fillS(pick(rng, ISSUE_BODIES), title.toLowerCase()), author,
      assignee: chance(rng, 0.65) ? pick(rng, memberNames) : null, labels, state: chance(rng, 0.4) ? 'closed' : 'opened',
      createdAt, updatedAt: Math.max(last, createdAt + randInt(rng, 0, 40) * 3600_000),
    });
  }
  return { issues, notes };
}

function makeCommits(rng: Rng, p: Project): Commit[] {
  const authors = p.members.filter((m) => m.role !== 'Guest').map((m) => m.username);
  const n = randInt(rng, 12, 70);
  const out: Commit[] = [];
  let t = p.updatedAt;
  for (let i = 0; i < n; i++) {
    const sha = Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(rng() * 16)]).join('');
    const title = pick(rng, COMMIT_TEMPLATES).replace('{s}', pick(rng, ISSUE_SUBJECTS)).replace('{b}', `${pick(rng, BRANCH_WORDS)}/${pick(rng, ISSUE_SUBJECTS).replace(/ /g, '-')}`);
    out.push({ sha, projectId: p.id, title, author: skewed(rng, authors), createdAt: t });
    t -= randInt(rng, 2, 200) * 3600_000;
  }
  return out;
}

function makeMrs(rng: Rng, p: Project, issues: Issue[]): MergeRequest[] {
  const names = p.members.map((m) => m.username);
  return Array.from({ length: randInt(rng, 2, 10) }, (_, i) => {
    const issue = pick(rng, issues);
    const word = pick(rng, BRANCH_WORDS);
    const source = `${word}/${issue.iid}-${issue.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/-$/, '')}`;
    return {
      projectId: p.id, iid: i + 1, title: `${cap(word === 'docs' ? 'document' : word)}: ${issue.title}`,
      description: `Closes #${issue.iid}.`, author: pick(rng, names), assignee: chance(rng, 0.7) ? pick(rng, names) : null,
      source, target: 'main', state: pick(rng, ['opened', 'merged', 'merged', 'closed'] as const), labels: issue.labels.slice(0, 1),
      createdAt: Math.min(CODE_NOW - 7200_000, issue.createdAt + randInt(rng, 1, 20) * DAY),
    };
  });
}

function generate(seed: number): CodeData {
  const rng = rngFor('code-data', seed);
  const me = DEFAULT_USER.username;
  const users = makeUsers(rng);
  const groups: Group[] = GROUPS.map((g) => ({ ...g, members: makeMembers(rng, users, me) }));
  const names = sample(rng, PROJECT_FIRST.flatMap((a) => PROJECT_SECOND.map((b) => `${a}-${b}`)), 200);
  const owners: Array<{ ns: string; kind: 'group' | 'user' }> = [
    ...groups.flatMap((g) => Array.from({ length: randInt(rng, 4, 6) }, () => ({ ns: g.path, kind: 'group' as const }))),
    ...sample(rng, users.filter((u) => u.username !== me), 6).map((u) => ({ ns: u.username, kind: 'user' as const })),
    { ns: me, kind: 'user' }, { ns: me, kind: 'user' },
  ];
  const stars = new Set<number>();
  const projects: Project[] = owners.map((o, i) => {
    const language = pick(rng, LANGUAGES);
    const name = names[i];
    const createdAt = CODE_NOW - randInt(rng, 120, 1100) * DAY;
    let star = 0;
    // Distinct star counts, so "most starred" questions always have one answer.
    do star = Math.floor(Math.exp(rng() * 6.2));
    while (stars.has(star));
    stars.add(star);
    const members = o.kind === 'user' ? [{ username: o.ns, role: 'Owner' as Role }, ...makeMembers(rng, users, me).filter((m) => m.username !== o.ns).slice(1, 4)] : makeMembers(rng, users, me);
    return {
      id: i + 1, namespace: o.ns, nsKind: o.kind, name, fullPath: `${o.ns}/${name}`,
      description: pick(rng, PROJECT_PURPOSES).replace('{what}', `${name.split('-')[1]} ${pick(rng, ['library', 'service', 'tool', 'toolkit'])}`),
      language, version: `${randInt(rng, 0, 4)}.${randInt(rng, 0, 19)}.${randInt(rng, 0, 30)}`, stars: star, forks: Math.floor(star * rng() * 0.4),
      createdAt, updatedAt: CODE_NOW - randInt(rng, 1, 110) * 3600_000 * 6, members,
      labels: sample(rng, LABELS.map((l) => l.name), randInt(rng, 5, 9)).sort(),
      branches: ['main', ...sample(rng, BRANCH_WORDS, randInt(rng, 1, 3)).map((w) => `${w}/${pick(rng, ISSUE_SUBJECTS).replace(/ /g, '-')}`)],
    };
  });
  const issuesByProject = new Map<number, Issue[]>();
  const notesByIssue = new Map<string, Note[]>();
  const commitsByProject = new Map<number, Commit[]>();
  const mrsByProject = new Map<number, MergeRequest[]>();
  let noteId = 1;
  for (const p of projects) {
    const { issues, notes } = makeIssues(rng, p, users);
    issuesByProject.set(p.id, issues);
    for (const note of notes) {
      note.id = noteId++;
      const key = issueKey(p.id, note.iid);
      notesByIssue.set(key, [...(notesByIssue.get(key) ?? []), note]);
    }
    commitsByProject.set(p.id, makeCommits(rng, p));
    mrsByProject.set(p.id, makeMrs(rng, p, issues));
  }
  const initialStars = sample(rng, projects, 5).map((p) => p.id).sort((a, b) => a - b);
  return {
    seed, user: me, users, userByName: new Map(users.map((u) => [u.username, u])), groups, groupByPath: new Map(groups.map((g) => [g.path, g])),
    projects, projectByPath: new Map(projects.map((p) => [p.fullPath, p])), issuesByProject, notesByIssue, commitsByProject, mrsByProject, initialStars,
  };
}

const cache = new Map<number, CodeData>();

/** The dataset for a seed, generated on first use and then shared (callers must not mutate it). */
export function getCodeData(datasetSeed: number): CodeData {
  let data = cache.get(datasetSeed);
  if (!data) cache.set(datasetSeed, (data = generate(datasetSeed)));
  return data;
}

export { formatTimeDate as formatDate } from '../formatting';

/** "3 hours ago", "2 months ago" relative to CODE_NOW. */
export function ago(time: number): string {
  return relativeTime(CODE_NOW, time);
}
