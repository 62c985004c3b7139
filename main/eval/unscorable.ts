// A config the chosen profile's original evaluator cannot score: where the original raises (an unknown
// program_html key, fuzzy_match in WebArena's page check, a missing string_note, …), scoring stops with this
// error instead of a made-up score, and the episode is recorded as not scored with the message
// (docs/design/WEBARENA.md §2.6).
export class UnscorableConfigError extends Error {
  override name = 'UnscorableConfigError';
}
