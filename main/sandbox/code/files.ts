// The repository of a project: a small, language-typical file tree whose contents are derived from the
// project (name, version, description). Built lazily per project and memoised, since most projects' files
// are never opened in an episode.
import type { Project } from './data';

export interface RepoFile {
  path: string;
  content: string;
}

/** The manifest that carries the project's version, per language (Go has none: it uses tags). */
export const MANIFEST: Record<Project['language'], string | null> = {
  TypeScript: 'package.json',
  Python: 'pyproject.toml',
  Rust: 'Cargo.toml',
  Go: null,
};

function readme(p: Project): string {
  return [`# ${p.name}`, '', p.description, '', '## Getting started', '', `Clone the repository and follow the ${p.language} setup below.`, '',
    '## Contributing', '', 'Open an issue before sending a merge request. See CONTRIBUTING.md.', '', '## License', '', 'MIT'].join('\n');
}

function languageFiles(p: Project): RepoFile[] {
  const mod = p.name.split('-')[1];
  const pkg = p.name.replace(/-/g, '_');
  switch (p.language) {
    case 'TypeScript':
      return [
        { path: 'package.json', content: JSON.stringify({ name: `@${p.namespace}/${p.name}`, version: p.version, description: p.description, main: 'dist/index.js', scripts: { build: 'tsc', test: 'vitest run' }, license: 'MIT' }, null, 2) },
        { path: 'tsconfig.json', content: JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', strict: true, outDir: 'dist' } }, null, 2) },
        { path: 'src/index.ts', content: `export * from './${mod}';\nexport const VERSION = '${p.version}';\n` },
        { path: `src/${mod}.ts`, content: `// The ${mod} of ${p.name}.\nexport function create${mod[0].toUpperCase()}${mod.slice(1)}(options = {}) {\n  return { ...options, ready: true };\n}\n` },
        { path: `test/${mod}.test.ts`, content: `import { it, expect } from 'vitest';\nit('works', () => expect(1 + 1).toBe(2));\n` },
      ];
    case 'Python':
      return [
        { path: 'pyproject.toml', content: `[project]\nname = "${p.name}"\nversion = "${p.version}"\ndescription = "${p.description}"\nrequires-python = ">=3.10"\n` },
        { path: `${pkg}/__init__.py`, content: `"""${p.description}"""\n__version__ = "${p.version}"\n` },
        { path: `${pkg}/${mod}.py`, content: `def run(config=None):\n    """Run the ${mod}."""\n    return config or {}\n` },
        { path: `tests/test_${mod}.py`, content: `from ${pkg}.${mod} import run\n\ndef test_run():\n    assert run() == {}\n` },
      ];
    case 'Rust':
      return [
        { path: 'Cargo.toml', content: `[package]\nname = "${p.name}"\nversion = "${p.version}"\nedition = "2021"\n\n[dependencies]\nserde = "1"\n` },
        { path: 'src/main.rs', content: `mod ${mod};\n\nfn main() {\n    ${mod}::run();\n}\n` },
        { path: `src/${mod}.rs`, content: `pub fn run() {\n    println!("${p.name} ${p.version}");\n}\n` },
      ];
    case 'Go':
      return [
        { path: 'go.mod', content: `module example.com/${p.fullPath}\n\ngo 1.22\n` },
        { path: 'main.go', content: `package main\n\nimport "example.com/${p.fullPath}/internal/${mod}"\n\nfunc main() { ${mod}.Run() }\n` },
        { path: `internal/${mod}/${mod}.go`, content: `package ${mod}\n\n// Run starts the ${mod}.\nfunc Run() {}\n` },
      ];
  }
}

const memo = new WeakMap<Project, RepoFile[]>();

/** Every file of the project's default branch, sorted by path. */
export function repoFiles(p: Project): RepoFile[] {
  let files = memo.get(p);
  if (!files) {
    files = [
      { path: 'README.md', content: readme(p) },
      { path: 'LICENSE', content: `MIT License\n\nCopyright (c) ${new Date(p.createdAt).getUTCFullYear()} ${p.namespace}\n` },
      { path: 'CONTRIBUTING.md', content: '# Contributing\n\nFork, branch, test, and open a merge request.\n' },
      { path: '.gitignore', content: 'node_modules/\ndist/\n__pycache__/\ntarget/\n' },
      ...languageFiles(p),
    ].sort((a, b) => a.path.localeCompare(b.path));
    memo.set(p, files);
  }
  return files;
}

export interface TreeEntry {
  name: string;
  path: string;
  kind: 'tree' | 'blob';
}

/** The entries directly under `dir` ('' for the root): folders first, then files, each by name. */
export function treeEntries(p: Project, dir: string): TreeEntry[] | undefined {
  const prefix = dir ? `${dir}/` : '';
  const files = repoFiles(p).filter((f) => f.path.startsWith(prefix));
  if (dir && files.length === 0) return undefined;
  const seen = new Map<string, TreeEntry>();
  for (const f of files) {
    const rest = f.path.slice(prefix.length);
    const slash = rest.indexOf('/');
    const name = slash < 0 ? rest : rest.slice(0, slash);
    if (!seen.has(name)) seen.set(name, { name, path: prefix + name, kind: slash < 0 ? 'blob' : 'tree' });
  }
  return [...seen.values()].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'tree' ? -1 : 1));
}

export function findFile(p: Project, path: string): RepoFile | undefined {
  return repoFiles(p).find((f) => f.path === path);
}
