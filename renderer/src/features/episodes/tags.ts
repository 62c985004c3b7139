/** Tags as typed in the notes editor: comma-separated, trimmed, empty ones and repeats dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}
