// Which task configs are scored by an LLM judge (docs/design/WEBARENA.md §2.2): fuzzy_match in string_match's
// reference answers (a list, or "N/A" with its reason judged against string_note) or in a program_html check's
// required contents (VisualAgentBench's page check). A run of such tasks needs an LLM to judge them
// (runs/preflight.ts); 40 of WebArena-Lite's 165 tasks do.

/** The judged checks a task config holds, as readable names (empty: no judge needed). */
export function judgedChecksOf(config: unknown): string[] {
  const evalConfig = isRecord(config) ? config.eval : undefined;
  if (!isRecord(evalConfig) || !Array.isArray(evalConfig.eval_types)) return [];
  const types = evalConfig.eval_types as unknown[];
  const out: string[] = [];
  const answers = evalConfig.reference_answers;
  if (types.includes('string_match') && isRecord(answers) && 'fuzzy_match' in answers) {
    out.push(answers.fuzzy_match === 'N/A' ? 'string_match fuzzy_match "N/A"' : 'string_match fuzzy_match');
  }
  const pages = Array.isArray(evalConfig.program_html) ? evalConfig.program_html : [];
  if (types.includes('program_html') && pages.some((p) => isRecord(p) && isRecord(p.required_contents) && 'fuzzy_match' in p.required_contents)) {
    out.push('program_html fuzzy_match');
  }
  return out;
}

export function needsJudge(config: unknown): boolean {
  return judgedChecksOf(config).length > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
