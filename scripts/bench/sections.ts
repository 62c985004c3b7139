/** Which bench sections a command line names, in the order they are listed; none named: all of them. A name
 * no section has is refused (exit 2) naming the sections that exist: a mistyped one used to print nothing and
 * exit 0, which reads as a bench that ran. */
export function pickSections(wanted: readonly string[], names: readonly string[]): { sections: string[] } | { error: string } {
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length) {
    const which = unknown.map((u) => `"${u}"`).join(', ');
    return { error: `No bench section ${which}. Sections: ${names.join(', ')} (none named: all).` };
  }
  return { sections: names.filter((n) => !wanted.length || wanted.includes(n)) };
}
