import type { Action } from '../../../main/api/types';

// Replies and what web-arena-x/webarena makes of them, each checked by hand against the reference: the action
// text comes from agent/prompts/prompt_constructor.py, CoTPromptConstructor._extract_action (line 250: the first
// ``` … ``` block, `(.|\n)*?`, stripped; no block is an ActionParsingError), and is read by
// browser_env/actions.py, create_id_based_action (lines 1504–1586). `ref` names the line that decides the case.
// An expected RegExp is a refusal, matched against our error message. Actions are compared without `execution`
// (checked in webarena-grammar.test.ts).

export interface WebArenaCase {
  reply: string;
  expected: Action | RegExp;
  ref: string;
}

const fenced = (action: string) => '```' + action + '```';

export const WEBARENA_CASES: WebArenaCase[] = [
  // Where the action is read from.
  { reply: 'Let us think.\nIn summary, the next action I will perform is ```click [3]```', expected: { type: 'click', elementId: '3' }, ref: 'prompt_constructor.py:253 first ``` block' },
  { reply: 'Think. ```click [3]``` or maybe ```click [9]```', expected: { type: 'click', elementId: '3' }, ref: 'prompt_constructor.py:253 non-greedy: the first block only' },
  { reply: '```\nclick [3]\n```', expected: { type: 'click', elementId: '3' }, ref: 'prompt_constructor.py:256 .strip()' },
  { reply: 'I will click it.\nclick [44]', expected: /has no ``` block/, ref: 'prompt_constructor.py:258 no block: ActionParsingError' },
  { reply: '```click [3]', expected: /has no ``` block/, ref: 'prompt_constructor.py:253 an unclosed fence is no block' },
  { reply: '```python\nclick [3]\n```', expected: /Unknown action "python\nclick"/, ref: 'actions.py:1508 the name is everything before the first [' },
  { reply: '``` ```', expected: /block is empty/, ref: 'actions.py:1510 split()[0] of an empty text (IndexError there)' },
  // The action's name: before the first [, else the first word; matched exactly (case-sensitive).
  { reply: fenced('Click [3]'), expected: /Unknown action "Click"/, ref: 'actions.py:1512 match action: "Click" is no case' },
  { reply: fenced('CLICK [3]'), expected: /Unknown action "CLICK"/, ref: 'actions.py:1512 case-sensitive' },
  { reply: fenced('click[3]'), expected: { type: 'click', elementId: '3' }, ref: 'actions.py:1514 ` ?` allows no space' },
  { reply: fenced('click  [3]'), expected: /Could not read the arguments of "click  \[3\]"/, ref: 'actions.py:1514 ` ?` allows one space, not two' },
  { reply: fenced('click  [3] or click [5]'), expected: { type: 'click', elementId: '5' }, ref: 'actions.py:1514 re.search finds the first place the pattern fits' },
  { reply: fenced('click [3] because it is the button'), expected: { type: 'click', elementId: '3' }, ref: 'actions.py:1514 re.search ignores text after the match' },
  { reply: fenced('click [3]\nthen type'), expected: { type: 'click', elementId: '3' }, ref: 'actions.py:1514 re.search over the whole block' },
  { reply: fenced('click [abc]'), expected: /expected `click \[id\]`/, ref: 'actions.py:1516 \\d+ needs digits' },
  { reply: fenced('click [٣]'), expected: { type: 'click', elementId: '٣' }, ref: 'actions.py:1514 Python\'s \\d is any Unicode digit' },
  { reply: fenced('click foo [3]'), expected: /Unknown action "click foo"/, ref: 'actions.py:1508 name is "click foo"' },
  { reply: fenced('hover[7]x'), expected: { type: 'hover', elementId: '7' }, ref: 'actions.py:1520' },
  { reply: fenced('fly [3]'), expected: /Unknown action "fly"/, ref: 'actions.py:1586 no case matches' },
  { reply: fenced('noop'), expected: /Unknown action "noop"/, ref: 'actions.py:1586 no noop in the grammar' },
  // type: the Enter flag is appended unless the text ends with [0] or [1]; `.+` is greedy and stops at a line break.
  { reply: fenced('type [5] [blue jeans] [0]'), expected: { type: 'type', elementId: '5', text: 'blue jeans', pressEnter: false }, ref: 'actions.py:1531 flag 0' },
  { reply: fenced('type [5] [blue jeans]'), expected: { type: 'type', elementId: '5', text: 'blue jeans', pressEnter: true }, ref: 'actions.py:1528 appends " [1]"' },
  { reply: fenced('type [5] [a [b] c] [0]'), expected: { type: 'type', elementId: '5', text: 'a [b] c', pressEnter: false }, ref: 'actions.py:1531 greedy (.+)' },
  { reply: fenced('type [3] [hi] [2]'), expected: { type: 'type', elementId: '3', text: 'hi] [2', pressEnter: true }, ref: 'actions.py:1528 [2] is no flag: " [1]" appended, the text swallows [2]' },
  { reply: fenced('type [3] [a] [7] [b] x[1]'), expected: { type: 'type', elementId: '3', text: 'a', pressEnter: false }, ref: 'actions.py:1540 the flag read is 7, not 1: no Enter' },
  { reply: fenced('type [5] [blue] [0] trailing'), expected: { type: 'type', elementId: '5', text: 'blue', pressEnter: false }, ref: 'actions.py:1528 " [1]" is appended but (.+) cannot reach it ("g [1]"): the match ends at [0]' },
  { reply: fenced('type [3] [] [0]'), expected: /expected `type \[id\] \[content\]/, ref: 'actions.py:1531 (.+) needs one character' },
  { reply: fenced('type [3] [a\nb] [1]'), expected: /expected `type/, ref: 'actions.py:1531 . stops at a line break' },
  { reply: fenced('type[3][a][0]'), expected: { type: 'type', elementId: '3', text: 'a', pressEnter: false }, ref: 'actions.py:1531 spaces optional' },
  // press, scroll, goto.
  { reply: fenced('press [Meta+a]'), expected: { type: 'press', key: 'Meta+a' }, ref: 'actions.py:1544' },
  { reply: fenced('press [a] [b]'), expected: { type: 'press', key: 'a] [b' }, ref: 'actions.py:1544 greedy (.+)' },
  { reply: fenced('press Enter'), expected: /expected `press \[key_comb\]`/, ref: 'actions.py:1546 needs brackets' },
  { reply: fenced('scroll down'), expected: { type: 'scroll', direction: 'down' }, ref: 'actions.py:1551 \\[? and \\]? make the brackets optional' },
  { reply: fenced('scroll [up'), expected: { type: 'scroll', direction: 'up' }, ref: 'actions.py:1551' },
  { reply: fenced('scroll downward'), expected: { type: 'scroll', direction: 'down' }, ref: 'actions.py:1551 re.search ignores the rest' },
  { reply: fenced('scroll [Down]'), expected: /expected `scroll \[down\|up\]`/, ref: 'actions.py:1551 (up|down) is case-sensitive' },
  { reply: fenced('scroll down [x]'), expected: /Unknown action "scroll down"/, ref: 'actions.py:1508 with a [ the name is "scroll down"' },
  { reply: fenced('goto [http://x.test/a?b=1]'), expected: { type: 'goto', url: 'http://x.test/a?b=1' }, ref: 'actions.py:1557' },
  // Actions without arguments ignore whatever follows the name.
  { reply: fenced('new_tab now'), expected: { type: 'new_tab' }, ref: 'actions.py:1510 first word "new_tab"' },
  { reply: fenced('go_back [3]'), expected: { type: 'go_back' }, ref: 'actions.py:1564 no arguments read' },
  { reply: fenced('go_forward'), expected: { type: 'go_forward' }, ref: 'actions.py:1566' },
  { reply: fenced('close_tab please'), expected: { type: 'close_tab' }, ref: 'actions.py:1576' },
  { reply: fenced('tab_focus [2]'), expected: { type: 'tab_focus', tabIndex: 2 }, ref: 'actions.py:1574 int()' },
  { reply: fenced('tab_focus [٢]'), expected: { type: 'tab_focus', tabIndex: 2 }, ref: 'actions.py:1574 int() of a Unicode digit' },
  { reply: fenced('tab_focus 2'), expected: /expected `tab_focus \[tab_index\]`/, ref: 'actions.py:1569 needs brackets' },
  // stop: an answer in brackets, else "".
  { reply: fenced('stop [42] (final)'), expected: { type: 'stop', text: '42' }, ref: 'actions.py:1579 re.search ignores the rest' },
  { reply: fenced('stop [a] [b]'), expected: { type: 'stop', text: 'a] [b' }, ref: 'actions.py:1579 greedy (.+)' },
  { reply: fenced('stop'), expected: { type: 'stop', text: '' }, ref: 'actions.py:1581 no answer: ""' },
  { reply: fenced('stop []'), expected: { type: 'stop', text: '' }, ref: 'actions.py:1581 (.+) needs one character: ""' },
  { reply: fenced('stop the task'), expected: { type: 'stop', text: '' }, ref: 'actions.py:1510 first word "stop", no answer' },
  { reply: fenced('stop\n[foo]'), expected: { type: 'stop', text: '' }, ref: 'actions.py:1579 "stop\\n[" does not fit "stop ?\\["' },
  { reply: fenced('Stop [x]'), expected: /Unknown action "Stop"/, ref: 'actions.py:1512 case-sensitive' },
  // Python's strip() knows characters JavaScript's trim() does not.
  { reply: fenced('\x85click [3]'), expected: { type: 'click', elementId: '3' }, ref: 'actions.py:1506 strip() removes U+0085' },
  // select is our extension (docs/design/WEBARENA.md §4.1): the reference has no such case (actions.py:1586).
  { reply: fenced('select [4] [Blue]'), expected: { type: 'select', elementId: '4', text: 'Blue' }, ref: 'ours: select ?\\[(\\d+)\\] ?\\[(.+)\\]' },
];
