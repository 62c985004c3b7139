import type { GrammarName } from '../api/registries';
import type { Action } from '../api/types';
import { BROWSERGYM_ACTION_DOC, parseBrowserGymAction, renderBrowserGymAction } from './browsergym-grammar';
import { describeWebArenaActions, parseWebArenaAction, renderWebArenaAction } from './webarena-grammar';
import { parseWebRlAction, renderWebRlAction, WEBRL_ACTION_DOC } from './webrl-grammar';

/** The grammar names are a registry (main/api/registries.ts). */
export type { GrammarName };

/** An action grammar: how a model writes actions. Policies advertise the one their model was trained on;
 * every grammar parses into the same normalised Action and renders back (docs/design/WEBARENA.md §4.1). */
export interface ActionGrammar {
  name: GrammarName;
  parse(reply: string): Action;
  render(action: Action): string;
  /** The action-space section of a policy prompt. */
  describe(): string;
}

export const GRAMMARS: Record<GrammarName, ActionGrammar> = {
  webarena: {
    name: 'webarena',
    parse: parseWebArenaAction,
    render: renderWebArenaAction,
    describe: () => `${describeWebArenaActions()}\nWrite the action inside a \`\`\` block, e.g. \`\`\`click [12]\`\`\`.`,
  },
  webrl: { name: 'webrl', parse: parseWebRlAction, render: renderWebRlAction, describe: () => WEBRL_ACTION_DOC },
  browsergym: { name: 'browsergym', parse: parseBrowserGymAction, render: renderBrowserGymAction, describe: () => BROWSERGYM_ACTION_DOC },
};

export function grammarNamed(name: string): ActionGrammar {
  const grammar = (GRAMMARS as Record<string, ActionGrammar | undefined>)[name];
  if (!grammar) throw new Error(`Unknown action grammar "${name}"; choose one of ${Object.keys(GRAMMARS).join(', ')}.`);
  return grammar;
}
