// Prompt templates are data (docs/design/MIRA.md §2.2: the subgoal and AutoRater prompts are edited by researchers): plain
// text with {{slot}} placeholders, optionally split into a system and a user part by lines `[system]` and
// `[user]`. Sections are split before slots are filled, so page text that happens to contain `[user]` is safe.

export interface RenderedPrompt {
  system?: string;
  user: string;
}

const SLOT = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;
const SECTION = /^\[(system|user)\]\s*$/m;

/** The slot names a template uses, in order of first use. */
export function slotsOf(template: string): string[] {
  return [...new Set([...template.matchAll(SLOT)].map((m) => m[1]))];
}

/** Throws when the template uses a slot the prompt does not offer (caught on save, not at run time). */
export function checkSlots(template: string, allowed: readonly string[]): void {
  const unknown = slotsOf(template).filter((s) => !allowed.includes(s));
  if (unknown.length > 0) {
    throw new Error(`Unknown slot(s) ${unknown.map((s) => `{{${s}}}`).join(', ')}; this prompt offers ${allowed.map((s) => `{{${s}}}`).join(', ')}.`);
  }
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(SLOT, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The prompt uses {{${name}}}, which was not provided.`);
    return value;
  });
}

/** Splits into system/user parts and fills every slot (one pass: a value containing {{x}} is not re-read). */
export function renderTemplate(template: string, values: Record<string, string>): RenderedPrompt {
  if (!SECTION.test(template)) return { user: fill(template, values).trim() };
  const parts: Partial<Record<'system' | 'user', string>> = {};
  let current: 'system' | 'user' | null = null;
  const lines: string[] = [];
  const flush = () => {
    if (current) parts[current] = fill(lines.join('\n'), values).trim();
    lines.length = 0;
  };
  for (const line of template.split('\n')) {
    const m = /^\[(system|user)\]\s*$/.exec(line);
    if (m) {
      flush();
      current = m[1] as 'system' | 'user';
    } else if (current) {
      lines.push(line);
    }
  }
  flush();
  if (!parts.user) throw new Error('The prompt has a [system] section but no [user] section.');
  return { system: parts.system || undefined, user: parts.user };
}

/** One string for previews and storage: what the model receives, system first. */
export function promptText(p: RenderedPrompt): string {
  return p.system ? `[system]\n${p.system}\n\n[user]\n${p.user}` : p.user;
}
