/** What the verdicts beside a frame were judged on. The last frame shows the verdicts after its own action,
 * so a one-step episode's only frame is not "before the first action" (that read wrong above its verdicts). */
export function verdictCaption(index: number, count: number): string {
  if (count === 1) return "Judged after this step's action, the episode's only one.";
  if (index === 0) return 'The page before the first action: nothing judged yet.';
  return `Judged on this page, after step ${index}'s action${index === count - 1 ? ' (and after this last action)' : ''}.`;
}
