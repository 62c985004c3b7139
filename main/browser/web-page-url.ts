// The app opens web pages only: a task file, a scoring helper or an agent that names file:, javascript: or
// chrome: would reach the user's files or the browser itself (the security audit of 2026-12-05). One rule for
// goto (actions/executor.ts), program_html scoring (eval/program-html.ts) and task import (tasks/webarena-validate.ts).

/** Whether `url` names a web page: http:// or https:// (any case), then a host. */
export function isWebPageUrl(url: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(url.trim());
}
