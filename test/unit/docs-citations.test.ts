import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository is self-contained (issue 15): code cites the design documents in docs/design/ by path and
// section number (the format is defined in docs/design/README.md), every cited document and section exists,
// and no file points into a folder beside the repository, which a user's clone does not have.
const ROOT = resolve(import.meta.dirname, '../..');
const DESIGN_DIR = join(ROOT, 'docs', 'design');
const DOC_NAMES = ['ARCHITECTURE', 'MIRA', 'WEBARENA', 'SANDBOX', 'STACK'] as const;
/** Where citations live. */
const CITING_ROOTS = ['main', 'electron', join('renderer', 'src'), 'scripts', 'test', 'docs', 'README.md'];
/** This file's own examples cite missing sections on purpose. */
const SELF = join(import.meta.dirname, 'docs-citations.test.ts');
// Build outputs and hidden folders (.git, tool caches) are not the repository's text; .ci is.
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'test-results', 'playwright-report']);
const BINARY = new Set(['.png', '.jpg', '.jpeg', '.gif', '.ico', '.wasm', '.woff', '.woff2', '.ttf', '.sqlite', '.zip', '.gz']);
// Spelled in pieces so this file does not match its own check.
const OUTSIDE_PATTERNS = ['..' + '/shared', 'shared' + '/design', '/work' + '/shared'];

// ---- the checker ----

/** GitHub's anchor for a heading: its text lower-cased, punctuation other than `-` and `_` dropped, spaces
 * turned into `-` (github-slugger). Inline code ticks, emphasis stars and link targets are not part of the
 * rendered text. */
function githubSlug(heading: string): string {
  const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

interface DocOutline {
  /** Section numbers ("4", "4.10") → heading text. */
  sections: Map<string, string>;
  /** Anchors as GitHub makes them (duplicates get -1, -2 …). */
  anchors: Set<string>;
  /** Problems of the document itself (a section number used twice). */
  problems: string[];
}

function outline(markdown: string): DocOutline {
  const sections = new Map<string, string>();
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const problems: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const heading = m[1];
    const slug = githubSlug(heading);
    const n = seen.get(slug) ?? 0;
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
    seen.set(slug, n + 1);
    const num = /^(\d+(?:\.\d+)*)\.?\s/.exec(heading)?.[1];
    if (num === undefined) continue;
    if (sections.has(num)) problems.push(`section number ${num} is used twice ("${sections.get(num)}", "${heading}")`);
    sections.set(num, heading);
  }
  return { sections, anchors, problems };
}

interface Citation {
  line: number;
  doc: string;
  /** Written with the docs/design/ path. */
  prefixed: boolean;
  sections: string[];
  anchor: string | null;
  text: string;
}

const NAMES = DOC_NAMES.join('|');
const CITATION = new RegExp(
  `(docs/design/)?\\b(${NAMES})\\.md(?:#([\\w-]+)|((?:\\s§\\d+(?:\\.\\d+)*)(?:,\\s§\\d+(?:\\.\\d+)*)*))?`,
  'g',
);

/** Every mention of a design document in a text, with the sections or anchor it cites. */
function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  text.split('\n').forEach((lineText, i) => {
    for (const m of lineText.matchAll(CITATION)) {
      const sections = m[4] ? [...m[4].matchAll(/§(\d+(?:\.\d+)*)/g)].map((s) => s[1]) : [];
      out.push({ line: i + 1, doc: m[2], prefixed: m[1] !== undefined, sections, anchor: m[3] ?? null, text: m[0] });
    }
  });
  return out;
}

/** Section references inside a design document that cite no other document: its own sections. */
function ownSectionRefs(markdown: string): { line: number; section: string }[] {
  const out: { line: number; section: string }[] = [];
  markdown.split('\n').forEach((lineText, i) => {
    const rest = lineText.replace(CITATION, ' ');
    for (const m of rest.matchAll(/§(\d+(?:\.\d+)*)/g)) out.push({ line: i + 1, section: m[1] });
  });
  return out;
}

/** Relative Markdown links to .md files, with their anchors (not those shown as code). */
function markdownLinks(markdown: string): { line: number; target: string; anchor: string | null }[] {
  const out: { line: number; target: string; anchor: string | null }[] = [];
  markdown.split('\n').forEach((lineText, i) => {
    for (const m of lineText.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s#]+\.md)(?:#([^)\s]*))?\)/g)) {
      if (/^[a-z]+:/i.test(m[1])) continue;
      out.push({ line: i + 1, target: m[1], anchor: m[2] ?? null });
    }
  });
  return out;
}

function citationProblems(where: string, c: Citation, docs: Map<string, DocOutline>, requirePrefix: boolean): string[] {
  const problems: string[] = [];
  const doc = docs.get(c.doc);
  if (!doc) return [`${where}: ${c.text} — docs/design/${c.doc}.md does not exist`];
  if (requirePrefix && !c.prefixed) problems.push(`${where}: ${c.text} — cite it as docs/design/${c.doc}.md`);
  for (const s of c.sections) if (!doc.sections.has(s)) problems.push(`${where}: ${c.text} — ${c.doc}.md has no section ${s}`);
  if (c.anchor !== null && !doc.anchors.has(c.anchor)) problems.push(`${where}: ${c.text} — ${c.doc}.md has no heading #${c.anchor}`);
  return problems;
}

/** Every problem with the citations in one file's text. */
function fileProblems(file: string, text: string, docs: Map<string, DocOutline>): string[] {
  const rel = relative(ROOT, file).split(sep).join('/');
  const markdown = extname(file) === '.md';
  const problems: string[] = [];
  // In Markdown a link target is checked as a link (below), by its path; the rest of the text as citations.
  const prose = markdown ? text.replace(/\]\([^)\s]*\)/g, ']') : text;
  for (const c of findCitations(prose)) problems.push(...citationProblems(`${rel}:${c.line}`, c, docs, !markdown));
  for (const m of text.matchAll(/docs\/design\/([\w.-]+\.md)/g)) {
    if (!existsSync(join(DESIGN_DIR, m[1]))) problems.push(`${rel}: docs/design/${m[1]} does not exist`);
  }
  if (!markdown) return problems;
  for (const link of markdownLinks(text)) {
    const target = resolve(dirname(file), link.target);
    if (!existsSync(target)) {
      problems.push(`${rel}:${link.line}: link to ${link.target}, which does not exist`);
      continue;
    }
    const doc = dirname(target) === DESIGN_DIR ? docs.get(basename(target, '.md')) : undefined;
    if (doc && link.anchor !== null && !doc.anchors.has(link.anchor)) {
      problems.push(`${rel}:${link.line}: link to ${link.target}#${link.anchor}, which has no such heading`);
    }
  }
  const own = dirname(file) === DESIGN_DIR ? docs.get(basename(file, '.md')) : undefined;
  if (own) {
    for (const r of ownSectionRefs(text)) if (!own.sections.has(r.section)) problems.push(`${rel}:${r.line}: §${r.section} is not a section of this document`);
  }
  return problems;
}

// ---- the repository ----

function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return BINARY.has(extname(path).toLowerCase()) ? [] : [path];
  return readdirSync(path).flatMap((name) => {
    const hidden = name.startsWith('.') && name !== '.ci' && statSync(join(path, name)).isDirectory();
    return SKIP_DIRS.has(name) || hidden ? [] : walk(join(path, name));
  });
}

function loadDocs(): Map<string, DocOutline> {
  const docs = new Map<string, DocOutline>();
  for (const name of DOC_NAMES) {
    const path = join(DESIGN_DIR, `${name}.md`);
    if (existsSync(path)) docs.set(name, outline(readFileSync(path, 'utf8')));
  }
  return docs;
}

describe('the citation checker', () => {
  it('makes GitHub anchors from numbered headings', () => {
    expect(githubSlug('4.10 Doubly-robust advantage')).toBe('410-doubly-robust-advantage');
    expect(githubSlug('4.13 Data hygiene: perplexity filter')).toBe('413-data-hygiene-perplexity-filter');
    expect(githubSlug('1 Task configs (`eval`)')).toBe('1-task-configs-eval');
    expect(githubSlug('8 Where we differ from the paper/proposal')).toBe('8-where-we-differ-from-the-paperproposal');
  });

  it('reads section numbers and anchors, outside code fences, and flags a number used twice', () => {
    const doc = outline('# Title\n## 1 One\n### 1.2 Sub part\n```\n## 9 Not a heading\n```\n## 1 Again\n## Plain\n## Plain');
    expect([...doc.sections.keys()]).toEqual(['1', '1.2']);
    expect([...doc.anchors]).toEqual(['title', '1-one', '12-sub-part', '1-again', 'plain', 'plain-1']);
    expect(doc.problems).toEqual(['section number 1 is used twice ("1 One", "1 Again")']);
  });

  it('parses path, section lists and anchors of a citation', () => {
    const [a, b, c] = findCitations('x (docs/design/MIRA.md §1, §4.10) and WEBARENA.md "Scoring"\ndocs/design/STACK.md#4-tensorflowjs.');
    expect(a).toMatchObject({ line: 1, doc: 'MIRA', prefixed: true, sections: ['1', '4.10'], anchor: null });
    expect(b).toMatchObject({ line: 1, doc: 'WEBARENA', prefixed: false, sections: [] });
    expect(c).toMatchObject({ line: 2, doc: 'STACK', prefixed: true, sections: [], anchor: '4-tensorflowjs' });
  });

  it('reports a missing document, a missing section, a missing anchor and a citation without its path', () => {
    const docs = new Map([['MIRA', outline('## 4 Training\n### 4.1 Notation')]]);
    const file = join(ROOT, 'main', 'example.ts');
    const text = [
      '// docs/design/MIRA.md §4.1 is fine',
      '// docs/design/MIRA.md §4.2, §4',
      '// docs/design/MIRA.md#41-notation and docs/design/MIRA.md#5-results',
      '// MIRA.md §4 and docs/design/STACK.md',
    ].join('\n');
    expect(fileProblems(file, text, docs)).toEqual([
      'main/example.ts:2: docs/design/MIRA.md §4.2, §4 — MIRA.md has no section 4.2',
      'main/example.ts:3: docs/design/MIRA.md#5-results — MIRA.md has no heading #5-results',
      'main/example.ts:4: MIRA.md §4 — cite it as docs/design/MIRA.md',
      'main/example.ts:4: docs/design/STACK.md — docs/design/STACK.md does not exist',
    ]);
  });

  it('checks Markdown links and a design document’s references to its own sections', () => {
    const docs = new Map([['MIRA', outline('## 4 Training\n### 4.1 Notation')]]);
    const file = join(DESIGN_DIR, 'MIRA.md');
    const text = 'See §4.1 and §7, and [the loop](MIRA.md#4-training), [gone](MIRA.md#9-gone), [none](NOPE.md), `[code](NOPE.md)`.';
    expect(fileProblems(file, text, docs)).toEqual([
      'docs/design/MIRA.md:1: link to MIRA.md#9-gone, which has no such heading',
      'docs/design/MIRA.md:1: link to NOPE.md, which does not exist',
      'docs/design/MIRA.md:1: §7 is not a section of this document',
    ]);
  });
});

describe('the repository', () => {
  const docs = loadDocs();

  it('has every design document, each with uniquely numbered sections', () => {
    expect(DOC_NAMES.filter((name) => !docs.has(name)).map((name) => `docs/design/${name}.md`)).toEqual([]);
    expect(existsSync(join(DESIGN_DIR, 'README.md'))).toBe(true);
    for (const [name, doc] of docs) {
      expect(doc.problems, `${name}.md`).toEqual([]);
      expect(doc.sections.size, `${name}.md has numbered sections`).toBeGreaterThan(0);
    }
  });

  it('cites only documents and sections that exist, by their docs/design/ path in code', () => {
    const files = CITING_ROOTS.flatMap((r) => walk(join(ROOT, r))).filter((f) => f !== SELF);
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) => fileProblems(file, readFileSync(file, 'utf8'), docs));
    expect(problems).toEqual([]);
  });

  it('points nowhere outside the repository', () => {
    const offenders: string[] = [];
    for (const file of walk(ROOT)) {
      const text = readFileSync(file, 'utf8');
      text.split('\n').forEach((line, i) => {
        const hit = OUTSIDE_PATTERNS.find((p) => line.includes(p));
        if (hit) offenders.push(`${relative(ROOT, file).split(sep).join('/')}:${i + 1}: ${hit}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
