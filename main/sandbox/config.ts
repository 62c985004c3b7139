// WebArena-format task configs for sandbox instances (docs/design/WEBARENA.md §1.1): every field WebArena's
// own configs have, in the same order, with the site placeholders (`__SHOPPING__` ...) kept unresolved.
import { SITE_SLOTS, type SandboxSiteId } from './site';

export type ReferenceAnswers = { exact_match: string } | { must_include: string[] } | { fuzzy_match: string[] | 'N/A' };

export interface ProgramHtmlTarget {
  /** A URL with placeholders, or 'last' for the page the agent ended on. */
  url: string;
  /** '' for the whole page HTML, or a JavaScript expression such as `document.querySelector('#x').outerText`. */
  locator: string;
  required_contents: { must_include: string[] } | { exact_match: string };
}

export type EvalSpec =
  | { kind: 'string_match'; answers: ReferenceAnswers; raw: string }
  /** `pageChecks`: program_html targets scored with the URL (eval_types url_match + program_html), for a
   * reference path that GOLD in PRED's substring test cannot tell from a longer one (docs/design/SANDBOX.md §3.1). */
  | { kind: 'url_match'; url: string; pageChecks?: ProgramHtmlTarget[] }
  | { kind: 'program_html'; targets: ProgramHtmlTarget[] };

export interface ConfigInput {
  site: SandboxSiteId;
  /** Further sites a cross-site task visits (WebArena lists every site a task needs in `sites`). */
  alsoSites?: SandboxSiteId[];
  taskId: number;
  startUrl: string;
  intentTemplate: string;
  instantiation: Record<string, string | number>;
  intentTemplateId: number;
  requireReset: boolean;
  eval: EvalSpec;
}

/** Fills `{{name}}` slots, as WebArena's intent templates write them. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in values)) throw new Error(`template slot {{${key}}} has no value`);
    return String(values[key]);
  });
}

export function webarenaConfig(input: ConfigInput): Record<string, unknown> {
  const e = input.eval;
  return {
    sites: [input.site, ...(input.alsoSites ?? [])].map((s) => SITE_SLOTS[s].webarenaSite),
    task_id: input.taskId,
    require_login: false,
    storage_state: null,
    start_url: input.startUrl,
    geolocation: null,
    intent_template: input.intentTemplate,
    instantiation_dict: { ...input.instantiation },
    intent: fillTemplate(input.intentTemplate, input.instantiation),
    require_reset: input.requireReset,
    eval: {
      eval_types: e.kind === 'url_match' && e.pageChecks?.length ? ['url_match', 'program_html'] : [e.kind],
      reference_answers: e.kind === 'string_match' ? e.answers : null,
      reference_url: e.kind === 'url_match' ? e.url : '',
      program_html: e.kind === 'program_html' ? e.targets : e.kind === 'url_match' ? e.pageChecks ?? [] : [],
      url_note: e.kind === 'url_match' ? 'GOLD in PRED' : '',
      string_note: '',
      reference_answer_raw_annotation: e.kind === 'string_match' ? e.raw : '',
    },
    intent_template_id: input.intentTemplateId,
  };
}
