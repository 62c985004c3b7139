import type { Action } from '../../../main/api/types';

// Replies and what THUDM/VisualAgentBench makes of them, each checked by hand against the reference:
// VAB-WebArena-Lite/new/prompt_constructor.py, WebRLPromptConstructor.extract_action passes the whole reply to
// VAB-WebArena-Lite/new/actions.py, create_webrl_id_based_action (lines 1904–2006): remove_comments (1907) cuts
// the reply, ast.parse(mode='eval') (1926) reads it, keyword values go through ast.literal_eval (1942–1961), the
// lower-cased action name picks the case (1972), and the create_* functions take str arguments (@beartype).
// `ref` names the line that decides the case. An expected RegExp is a refusal, matched against our message
// (where the reference fails with another exception, a KeyError or a beartype violation, the run would crash:
// a refusal here). Actions are compared without `execution` (checked in grammars.test.ts).

export interface WebRlCase {
  reply: string;
  expected: Action | RegExp;
  ref: string;
}

export const WEBRL_CASES: WebRlCase[] = [
  // Action names, ignoring case.
  { reply: 'do(action="Click", element="7")', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1980' },
  { reply: 'do(action="click", element="7")', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1972 .lower()' },
  { reply: 'do(action="SEARCH", argument="red", element="5")', expected: { type: 'type', elementId: '5', text: 'red', pressEnter: true }, ref: 'actions.py:1998 after .lower()' },
  { reply: 'do(action="select dropdown option", argument="Blue", element="9")', expected: { type: 'select', elementId: '9', text: 'Blue' }, ref: 'actions.py:1990' },
  { reply: 'do(action="Select  Dropdown Option", argument="Blue", element="9")', expected: /Unknown WebRL action "Select {2}Dropdown Option"/, ref: 'actions.py:2006 two spaces match no case' },
  { reply: 'do(action="scroll up")', expected: { type: 'scroll', direction: 'up' }, ref: 'actions.py:1976' },
  { reply: 'do(action="Go Backward")', expected: { type: 'go_back' }, ref: 'actions.py:1996' },
  { reply: 'do(action="go forward")', expected: { type: 'go_forward' }, ref: 'actions.py:1994' },
  { reply: 'do(action="Hover", element="3")', expected: { type: 'hover', elementId: '3' }, ref: 'actions.py:1987' },
  { reply: 'do(action="Type", argument="red shoes", element="22")', expected: { type: 'type', elementId: '22', text: 'red shoes', pressEnter: false }, ref: 'actions.py:1983' },
  { reply: 'do(action="Press Enter", element="4")', expected: { type: 'press', key: 'Enter' }, ref: 'actions.py:1975 the element is not read' },
  { reply: 'do(action="Wait")', expected: /Unknown WebRL action "Wait"/, ref: 'actions.py:2006 no case for wait' },
  { reply: 'do(action="Teleport", element="1")', expected: /Unknown WebRL action "Teleport"/, ref: 'actions.py:2006' },
  // Arguments: literal_eval'd, str where a create_* function takes one.
  { reply: "do(action='Click', element='7')", expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1961 any Python string literal' },
  { reply: 'do(action="Click", element="abc")', expected: { type: 'click', elementId: 'abc' }, ref: 'actions.py:1982 the element is any str' },
  { reply: 'do(action="Click", element=7)', expected: /element must be a quoted string \(got a int value\)/, ref: 'create_click_action(element_id: str) @beartype' },
  { reply: 'do(action="Click")', expected: /needs element="<id>"/, ref: 'actions.py:1981 KeyError' },
  { reply: 'do(action="Type", element="22")', expected: /needs argument="<text>"/, ref: 'actions.py:1985 KeyError' },
  { reply: 'do("Click", element="7")', expected: /needs action=/, ref: 'actions.py:1972 positional arguments are not read: KeyError' },
  { reply: 'do(x, action="Click", element="7")', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1938 positional arguments are parsed, never read' },
  { reply: 'do(action="Click", action="Hover", element="7")', expected: { type: 'hover', elementId: '7' }, ref: 'actions.py:1942 a later keyword replaces an earlier one' },
  { reply: 'do(action="Click", element="7", foo=bar)', expected: /not a Python literal \(the name bar\)/, ref: 'actions.py:1961 literal_eval of every keyword' },
  { reply: 'do(action="Scroll Down", foo=[1, (2, 3), {4: 5}])', expected: { type: 'scroll', direction: 'down' }, ref: 'actions.py:1961 any literal' },
  { reply: 'do(action="Scroll Down", foo={[1]: 2})', expected: /unhashable list/, ref: 'actions.py:1961 literal_eval raises TypeError' },
  { reply: 'do(action="Scroll Down", foo=-1+2j)', expected: { type: 'scroll', direction: 'down' }, ref: 'ast.literal_eval: real + imaginary' },
  { reply: 'do(action="Scroll Down", foo=1+2)', expected: /not a Python literal/, ref: 'ast.literal_eval: no arithmetic' },
  { reply: 'do(action="Click", element=find_element_by_instruction(instruction="the button"))', expected: /needs element="<id>"/, ref: 'actions.py:1955 sets instruction, not element: KeyError' },
  { reply: 'do(action="Scroll Down", element=find_element_by_instruction(instruction="x"))', expected: { type: 'scroll', direction: 'down' }, ref: 'actions.py:1952' },
  { reply: 'do(action=b"click", element="7")', expected: /action must be a quoted string \(got a bytes value\)/, ref: 'actions.py:1973 b"click" matches no str case' },
  // exit: message is required and a str.
  { reply: 'exit(message="$12.99")', expected: { type: 'stop', text: '$12.99' }, ref: 'actions.py:2003' },
  { reply: 'exit(message="""The answer is "42"\nand more""")', expected: { type: 'stop', text: 'The answer is "42"\nand more' }, ref: 'actions.py:1926 a triple-quoted string may span lines' },
  { reply: 'exit(message="a" \'b\')', expected: { type: 'stop', text: 'ab' }, ref: 'adjacent literals are one str' },
  { reply: "exit(message=r'a\\nb')", expected: { type: 'stop', text: 'a\\nb' }, ref: 'a raw string keeps the backslash' },
  { reply: 'exit(message="\\u00e9\\x41\\101")', expected: { type: 'stop', text: 'éAA' }, ref: 'escapes decoded as Python does' },
  { reply: 'exit("done")', expected: /exit\(\.\.\.\) needs message="<answer>"/, ref: 'actions.py:2003 KeyError' },
  { reply: 'exit(message=3)', expected: /message must be a quoted string \(got a int value\)/, ref: 'create_stop_action(answer: str) @beartype' },
  // What remove_comments keeps, and what ast.parse accepts of it.
  { reply: 'Reasoning first.\ndo(action="Click", element="7")', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1911 from the last "do("' },
  { reply: 'do(action="Click", element="7")\ndo(action="Click", element="8")', expected: { type: 'click', elementId: '8' }, ref: 'actions.py:1911 the last "do(" wins' },
  { reply: 'do(action="Click", element="8")\nexit(message="a")', expected: { type: 'stop', text: 'a' }, ref: 'actions.py:1909 "exit(" is looked for first' },
  { reply: 'exit(message="a")\ndo(action="Click", element="8")', expected: /not a valid Python expression/, ref: 'actions.py:1911 cut at "exit(", the do(...) after it is a SyntaxError' },
  { reply: 'do(action="Type", argument="exit(now)", element="3")', expected: /not a valid Python expression/, ref: 'actions.py:1911 cut at "exit(" inside the string' },
  { reply: 'do(action="Click", element="7")  # the Save button', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1926 a trailing comment is fine' },
  { reply: 'do(action="Click", element="7")\n# done', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1926 a comment line after it too' },
  { reply: 'do(action="Click",\n   element="7")', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1926 line breaks inside the brackets' },
  { reply: 'do(action="Click", element="7",)', expected: { type: 'click', elementId: '7' }, ref: 'actions.py:1926 trailing comma' },
  { reply: 'do(action="Click", element="7")\nThis clicks it.', expected: /not a valid Python expression/, ref: 'actions.py:1926 text after the call: SyntaxError' },
  { reply: '```\ndo(action="Click", element="7")\n```', expected: /not a valid Python expression/, ref: 'actions.py:1926 the closing fence follows the call: SyntaxError' },
  { reply: 'do(action="Click", element="7").x', expected: /not a do\(\.\.\.\) or exit\(\.\.\.\) call/, ref: 'actions.py:1929 not an ast.Call' },
  { reply: 'do(action="Click" element="7")', expected: /not a valid Python expression/, ref: 'actions.py:1926 missing comma' },
  { reply: 'undo(action="Click", element="3")', expected: { type: 'click', elementId: '3' }, ref: 'actions.py:1911 "undo(" contains "do("' },
  { reply: '# comment\ndo (action="Click", element="3")', expected: { type: 'click', elementId: '3' }, ref: 'actions.py:1914 no "do(": comment lines skipped, the rest parsed' },
  { reply: 'I will click\ndo (action="Click", element="3")', expected: /not a valid Python expression: unexpected "will"/, ref: 'actions.py:1919 the first line is prose: SyntaxError' },
  { reply: 'go_backward()', expected: /Unknown WebRL call "go_backward"/, ref: 'actions.py:2006 go_backward is no operation' },
  { reply: 'I think we are done', expected: /contains no do\(\.\.\.\) or exit\(\.\.\.\) call/, ref: 'actions.py:1926 SyntaxError' },
  { reply: '', expected: /contains no do\(\.\.\.\) or exit\(\.\.\.\) call/, ref: 'actions.py:1926 empty: SyntaxError' },
];
