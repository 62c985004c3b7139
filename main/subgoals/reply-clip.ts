// Model replies on the subgoal paths are stored and shown whole (verdict evidence, milestone text), and nothing
// bounds what a provider sends back: a 20 MB "evidence" was once stored as is. They are cut to what a person
// reads, with a visible marker. 2,000 characters is also the most a saved subgoal's text may have (api/schemas.ts).
export const MAX_REPLY_TEXT_CHARS = 2000;

const MARKER = '…(clipped)';

/** The text, or its head plus the marker, at most `max` characters in all. */
export function clipReplyText(text: string, max = MAX_REPLY_TEXT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - MARKER.length)}${MARKER}`;
}
