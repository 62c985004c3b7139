// Word lists the code site's dataset is drawn from: people, groups, project names, labels, and templates for
// issue titles, comments and commit messages. Plain data, no logic.

export const FIRST_NAMES = [
  'Ayesha', 'Bruno', 'Chen', 'Dara', 'Elif', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jonas', 'Keiko', 'Lena', 'Mateo', 'Nadia',
  'Omar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bjorn',
  'Carmen', 'Dmitri', 'Esther', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jamal', 'Kira', 'Lucas', 'Mira', 'Nils',
];

export const LAST_NAMES = [
  'Khan', 'Silva', 'Wang', 'Okafor', 'Yilmaz', 'Haddad', 'Lindqvist', 'Sato', 'Petrov', 'Berg', 'Tanaka', 'Fischer', 'Rossi',
  'Novak', 'Farouk', 'Iyer', 'Moreau', 'Ortega', 'Larsen', 'Aziz', 'Menon', 'Kowalski', 'Liu', 'Navarro', 'Demir', 'Evans',
  'Mensah', 'Holm', 'Vidal', 'Orlov', 'Cohen', 'Brandt', 'Weber', 'Laurent', 'Costa', 'Reid', 'Volkova', 'Dubois', 'Park', 'Nyberg',
];

/** The signed-in user of every episode. */
export const DEFAULT_USER = { username: 'byte_blossom', name: 'Blossom Byte' };

export const GROUPS = [
  { path: 'aurora-labs', name: 'Aurora Labs', description: 'Research tooling and data pipelines.' },
  { path: 'northwind', name: 'Northwind', description: 'Internal platform services for the Northwind team.' },
  { path: 'open-kit', name: 'OpenKit', description: 'Small open-source libraries for everyday tasks.' },
  { path: 'pixel-forge', name: 'Pixel Forge', description: 'Graphics, UI components and design systems.' },
  { path: 'cloud-harbor', name: 'Cloud Harbor', description: 'Deployment, infrastructure and monitoring.' },
  { path: 'quiet-owl', name: 'Quiet Owl', description: 'Developer experience and command-line tools.' },
  { path: 'river-stack', name: 'River Stack', description: 'Streaming and messaging systems.' },
];

export const PROJECT_FIRST = [
  'quill', 'ember', 'nimbus', 'atlas', 'beacon', 'cobalt', 'delta', 'falcon', 'granite', 'harbor', 'iris', 'juniper', 'kestrel',
  'lumen', 'meridian', 'nova', 'onyx', 'pebble', 'quartz', 'rook', 'sable', 'tidal', 'umbra', 'vertex', 'willow', 'zephyr',
];
export const PROJECT_SECOND = [
  'engine', 'cli', 'api', 'sdk', 'dashboard', 'parser', 'router', 'cache', 'scheduler', 'gateway', 'ui', 'store', 'sync',
  'metrics', 'auth', 'docs', 'worker', 'bot',
];

export const LANGUAGES = ['TypeScript', 'Python', 'Go', 'Rust'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PROJECT_PURPOSES = [
  'A fast {what} for small teams.', 'The {what} behind our internal tools.', 'Experimental {what} with a tiny footprint.',
  'A batteries-included {what}.', 'A {what} that focuses on correctness and clear errors.',
];

export const LABELS = [
  { name: 'bug', color: '#d9534f', description: 'Something is not working' },
  { name: 'feature', color: '#5cb85c', description: 'New functionality' },
  { name: 'documentation', color: '#428bca', description: 'Docs and examples' },
  { name: 'performance', color: '#f0ad4e', description: 'Speed and memory' },
  { name: 'security', color: '#8e44ad', description: 'Vulnerabilities and hardening' },
  { name: 'ux', color: '#e67e22', description: 'User experience' },
  { name: 'backend', color: '#34495e', description: 'Server side' },
  { name: 'frontend', color: '#16a085', description: 'Client side' },
  { name: 'regression', color: '#c0392b', description: 'Used to work' },
  { name: 'good first issue', color: '#7f8c8d', description: 'Good for newcomers' },
  { name: 'help wanted', color: '#27ae60', description: 'Extra attention is needed' },
  { name: 'tech debt', color: '#95a5a6', description: 'Refactoring and cleanup' },
];

export const ISSUE_SUBJECTS = [
  'login page', 'config loader', 'search results', 'export to CSV', 'dark mode', 'retry logic', 'rate limiter', 'webhook handler',
  'settings panel', 'pagination', 'error messages', 'cache invalidation', 'file upload', 'date picker', 'audit log',
  'session timeout', 'API client', 'CLI flags', 'install script', 'release notes', 'unit tests', 'log rotation', 'health check',
  'password reset', 'notification emails', 'sidebar menu', 'import wizard', 'build pipeline', 'metrics endpoint', 'user avatars',
];

export const ISSUE_TEMPLATES: Record<string, string[]> = {
  bug: ['{S} crashes on empty input', '{S} shows the wrong value', '{S} fails after upgrade', 'Fix broken {s}', '{S} returns 500 errors'],
  feature: ['Add {s} support', 'Allow customizing the {s}', 'Support bulk actions in {s}', 'New option for {s}'],
  documentation: ['Document the {s}', 'Update the guide for {s}', 'Add examples for {s}'],
  performance: ['{S} is slow with large data', 'Speed up {s}', 'Reduce memory use of {s}'],
  security: ['Sanitize input in {s}', 'Harden {s} against abuse', 'Audit permissions of {s}'],
  ux: ['Improve the layout of {s}', 'Make {s} keyboard accessible', 'Clarify wording in {s}'],
  other: ['Refactor {s}', 'Clean up {s} code', 'Investigate flaky {s}', 'Rework {s} internals'],
};

export const ISSUE_BODIES = [
  'Steps to reproduce: open the {s} and try the usual flow. Expected it to work as documented.',
  'We noticed this while testing the {s} on staging. Logs are attached in the thread.',
  'The {s} should behave consistently across browsers and platforms.',
  'Several users asked about the {s}. Let us collect requirements here.',
  'This came up in the last planning meeting; see the notes for context on the {s}.',
];

export const COMMENT_TEMPLATES = [
  'I can reproduce this on the latest main.', 'Thanks for the report, looking into it.', 'Could you share the exact version?',
  'This looks related to the recent refactor.', 'I have a fix in progress, will open a merge request soon.',
  '+1, we hit this as well.', 'Moving this to the next milestone.', 'Is this still an issue after the last release?',
  'I added a test case that covers this.', 'Works for me on a clean install.', 'Let us discuss this in the weekly sync.',
  'The root cause is in the {s}.', 'Closing the loop: the patch is merged.', 'Can we split this into smaller tasks?',
];

export const COMMIT_TEMPLATES = [
  'Fix typo in {s}', 'Add tests for {s}', 'Refactor {s}', 'Update dependencies', 'Improve error handling in {s}',
  'Bump version', 'Add {s} option', 'Remove unused code from {s}', 'Document {s}', 'Speed up {s}', 'Merge branch \'{b}\'',
  'Lint fixes', 'Handle edge case in {s}', 'Rename helpers in {s}', 'Initial support for {s}',
];

export const BRANCH_WORDS = ['fix', 'feature', 'chore', 'docs', 'perf'];

export const ROLES = ['Guest', 'Reporter', 'Developer', 'Maintainer', 'Owner'] as const;
export type Role = (typeof ROLES)[number];
