import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWebArenaTasks } from '../../../main/tasks/webarena-loader';

// Each file in test/fixtures/broken-configs/ holds one deliberate defect; the loader must reject exactly the
// bad task with a message naming the file, the task, the field and the reason, and still load the rest.
const DIR = join(import.meta.dirname, '../../fixtures/broken-configs');
const load = async (name: string) => loadWebArenaTasks(join(DIR, name));
const messages = async (name: string) => (await load(name)).errors.map((e) => e.message.replace(`${join(DIR, name)}: `, ''));

describe('broken configs are rejected with precise messages', () => {
  it('a misspelt eval type (and the good task beside it still loads)', async () => {
    const r = await load('bad-eval-type.json');
    expect(r.tasks.map((t) => t.id)).toEqual(['webarena-lite/11']);
    expect(r.errors).toEqual([{ file: join(DIR, 'bad-eval-type.json'), taskId: 12, index: 1, field: 'eval.eval_types[1]',
      message: `${join(DIR, 'bad-eval-type.json')}: task 12: eval.eval_types[1] is 'url_mtch', expected one of string_match, url_match, program_html` }]);
  });
  it('string_match without reference_answers', async () => {
    expect(await messages('missing-reference-answers.json')).toEqual([
      'task 20: eval.reference_answers is null, required by string_match (expected one of exact_match, must_include, fuzzy_match, must_exclude, one_of, required_values)']);
  });
  it('a program_html entry without locator and required_contents', async () => {
    expect(await messages('program-html-incomplete.json')).toEqual([
      "task 30: eval.program_html[0].locator is missing, expected a string ('' for the whole page)",
      'task 30: eval.program_html[0].required_contents is missing, expected one of exact_match, must_include, must_exclude, required_values, fuzzy_match']);
  });
  it('a program_html page that is not a web page (scoring would refuse to open it, so the task could never pass)', async () => {
    const r = await load('program-html-not-web-url.json');
    // 'last', a placeholder URL, a func: URL and an http(s) URL in any case stay valid.
    expect(r.tasks.map((t) => t.id)).toEqual(['webarena-lite/31']);
    expect(await messages('program-html-not-web-url.json')).toEqual([
      "task 32: eval.program_html[1].url is 'file:///etc/passwd', expected 'last', func:…, a site placeholder such as __SHOPPING__/… or an http(s) URL"]);
  });
  it('url_match without reference_url', async () => {
    expect(await messages('missing-reference-url.json')).toEqual(["task 40: eval.reference_url is '', required by url_match"]);
  });
  it('a start_url that is not a string', async () => {
    expect(await messages('start-url-not-string.json')).toEqual(['task 50: start_url is 42 (number), expected a non-empty string']);
  });
  it('an empty tab in a |AND| start_url', async () => {
    expect(await messages('empty-tab.json')).toEqual(['task 140: start_url tab 2 of 2 (separated by "|AND|") is empty']);
  });
  it('invalid JSON, located by line and column', async () => {
    const r = await load('invalid-json.json');
    expect(r.tasks).toEqual([]);
    expect(r.errors[0]).toMatchObject({ taskId: null, index: null, field: null,
      message: `${join(DIR, 'invalid-json.json')}: invalid JSON at line 5, column 3: Expected double-quoted property name` });
  });
  it('a top level that is neither an array nor an object', async () => {
    expect(await messages('not-json-top-level.json')).toEqual(['top level is 42 (number), expected an array of tasks or one task object']);
  });
  it('an unknown site', async () => {
    expect(await messages('unknown-site.json')).toEqual([
      "task 60: sites[1] is 'shoping', expected one of shopping, shopping_admin, reddit, gitlab, map, wikipedia"]);
  });
  it('a task_id that is not an integer, in a single-object file', async () => {
    const r = await load('bad-task-id.json');
    expect(r.errors.map((e) => [e.index, e.taskId, e.field])).toEqual([[null, null, 'task_id']]);
    expect(r.errors[0].message).toMatch(/: task: task_id is '7', expected a non-negative integer$/);
  });
  it('an unknown reference_answers key', async () => {
    expect(await messages('unknown-reference-key.json')).toEqual([
      "task 80: eval.reference_answers has unknown key 'must_includes', expected one of exact_match, must_include, fuzzy_match, must_exclude, one_of, required_values"]);
  });
  it('fuzzy_match "N/A" without a string_note to judge against', async () => {
    expect(await messages('na-without-string-note.json')).toEqual([
      "task 90: eval.string_note is '', required when reference_answers.fuzzy_match is 'N/A' (the reason is judged against it)"]);
  });
  it('a required_values item that is not a comparison', async () => {
    expect(await messages('bad-required-values.json')).toEqual([
      "task 100: eval.reference_answers.required_values[1] has 'about 5', expected a comparison such as '< 700' or '>= 3'"]);
  });
  it('a repeated task_id', async () => {
    const r = await load('duplicate-task-id.json');
    expect(r.tasks).toHaveLength(1);
    expect(r.errors[0].message).toMatch(/: task 110: task_id 110 repeats the id of task 110 in .*duplicate-task-id\.json \(index 0\)$/);
  });
  it('an array element that is not an object', async () => {
    expect(await messages('not-an-object.json')).toEqual(["task at index 1 is 'hello', expected an object"]);
  });
  it('an unknown url_note', async () => {
    expect(await messages('bad-url-note.json')).toEqual(["task 130: eval.url_note is 'GOLD_IN_PRED', expected 'GOLD in PRED', 'EXACT' or absent"]);
  });
  it('a locator of an unknown form', async () => {
    expect(await messages('bad-locator.json')).toEqual([
      "task 150: eval.program_html[0].locator is 'querySelector('#x').value', expected '', a document.… expression or func:name(arguments)"]);
  });
  it('an empty must_include list (it would always pass)', async () => {
    expect(await messages('empty-must-include.json')).toEqual(['task 160: eval.reference_answers.must_include is an empty list, expected a non-empty list of strings']);
  });
  it('a directory of one-file-per-task: the bad file is reported, the others load in natural order', async () => {
    const r = await load('per-task-dir');
    expect(r.tasks.map((t) => t.id)).toEqual(['webarena-lite/1', 'webarena-lite/10']);
    expect(r.errors.map((e) => e.message)).toEqual([
      `${join(DIR, 'per-task-dir', '2.json')}: task 2: eval.program_html is an empty list, required by program_html (a non-empty list of {url, locator, required_contents})`]);
  });
});
