// The run's episodes as WebRL trajectories (issue 23), the common source of `vab-traces` and
// `webrl-trainer`: per step the page a WebRL model reads (the stored WebRL HTML view) and a reply in
// WebRL's grammar whose element ids are that page's ids. A policy that read the WebRL HTML and wrote WebRL's
// grammar keeps its raw reply; any other policy's action is re-rendered with the HTML's ids through the
// stored id map. A trajectory with a step WebRL cannot express (no parsed action, a Wait, an element the
// HTML does not number, goto/tabs/keys other than Enter, no stored view) is skipped whole, with the reason.
import type { Action, StepRecord } from '../../api/types';
import { parseWebRlAction, renderWebRlAction } from '../../actions/webrl-grammar';
import type { Store } from '../../store';
import { readBlobText, scoredEpisodes, type SourceEpisode } from './episode-source';
import { withExplicitEnter } from './webrl-format';
import { roundPrompt, type WebRlRound } from './webrl-prompt';

export interface WebRlStep extends WebRlRound {
  /** The WebRL simplified HTML the step's page was (VAB's `html`). */
  html: string;
  /** The action alone, normalised: `do(action="Click", element="7")` (VAB's actions/<id>.json list). */
  call: string;
}

export interface WebRlTrajectory {
  source: SourceEpisode;
  intent: string;
  /** VAB's `score`: the binary outcome r, 1 for success and 0 for failure (docs/export.md §2). */
  score: 0 | 1;
  steps: WebRlStep[];
}

export interface TrajectoryHandlers {
  /** An episode not exported: unscored, or with a step WebRL cannot express (`inexpressible` true). */
  onSkip(episodeId: string, taskId: string, reason: string, inexpressible: boolean): void;
}

export async function* webrlTrajectories(store: Store, runId: string, handlers: TrajectoryHandlers): AsyncGenerator<WebRlTrajectory> {
  const onUnscored = (e: { id: string; taskId: string }, reason: string) => handlers.onSkip(e.id, e.taskId, reason, false);
  for await (const source of scoredEpisodes(store, runId, onUnscored)) {
    const intent = source.episode.instruction ?? source.task?.intent ?? ''; // MiniWoB++: the seed's instruction
    const steps: WebRlStep[] = [];
    let problem: string | null = null;
    for (const step of source.steps) {
      const made = await webrlStep(store, step, intent);
      if (typeof made === 'string') {
        problem = `step ${step.t}: ${made}`;
        break;
      }
      steps.push(made);
    }
    if (problem) {
      handlers.onSkip(source.episode.id, source.episode.taskId, `WebRL cannot express it (${problem})`, true);
      continue;
    }
    // Not the evaluator's raw score: WebRL reads `score` as an outcome in {0, 1} (VAB's WebArena evaluator
    // writes 1.0 or 0.0; process_data.py labels score ≥ 0.5 a success and the trainer's advantage adds it
    // to every step), so a MiniWoB++ raw reward (−1 for a wrong answer, or 0.3 for a slow success) would
    // mislabel the trajectory. The binary outcome is the r every format shares (docs/design/MIRA.md §4.1).
    yield { source, intent, score: source.episode.success ? 1 : 0, steps };
  }
}

/** One step in WebRL's terms, or why WebRL cannot express it. */
export async function webrlStep(store: Store, step: StepRecord, intent: string): Promise<WebRlStep | string> {
  if (!step.views) return 'no stored WebRL view (recorded before views were stored)';
  if (!step.action) return `no parsed action${step.actionError ? ` (${step.actionError})` : ''}`;
  if (step.action.type === 'noop') return 'a Wait, which WebRL\'s action parser rejects';
  const html = await readBlobText(store, step.views.webrl.textRef);
  if (html === null) return 'its WebRL HTML blob is missing';
  const prompt = roundPrompt(step.t, intent);
  const raw = step.views.policy.format === 'webrl-html' ? rawWebRlReply(await readBlobText(store, step.responseRef), step.action) : null;
  if (raw) return { prompt, response: raw.reply, call: raw.call, html };
  const ids = await readIdMap(store, step.views.webrl.idsRef);
  if (typeof ids === 'string') return ids;
  const mapped = withSequentialId(step.action, ids);
  if (typeof mapped === 'string') return mapped;
  try {
    const call = renderWebRlAction(withExplicitEnter(mapped));
    return { prompt, response: call, call, html };
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The raw reply when it is WebRL's grammar and says what the step did (its ids are then the HTML's). */
function rawWebRlReply(reply: string | null, action: Action): { reply: string; call: string } | null {
  if (!reply) return null;
  try {
    const parsed = parseWebRlAction(reply);
    if (parsed.type !== action.type || parsed.type === 'noop') return null;
    return { reply, call: renderWebRlAction(parsed) };
  } catch {
    return null;
  }
}

/** Our node id → the HTML's sequential id. */
function withSequentialId(action: Action, ids: ReadonlyMap<string, string>): Action | string {
  if (action.elementId === undefined) return action;
  const seq = ids.get(action.elementId);
  if (seq === undefined) return `element ${action.elementId} has no id in WebRL's HTML (it numbers only what it finds clickable in the viewport)`;
  return { ...action, elementId: seq };
}

/** Our node id → the HTML's sequential id, or why the stored map cannot be used (a damaged blob skips its
 * episode with the reason instead of ending the whole export on a bare JSON error). */
async function readIdMap(store: Store, ref: string | null): Promise<Map<string, string> | string> {
  const text = await readBlobText(store, ref);
  if (text === null) return 'its WebRL id map blob is missing';
  let seqToNode: unknown;
  try {
    seqToNode = JSON.parse(text);
  } catch {
    seqToNode = null;
  }
  const entries = seqToNode !== null && typeof seqToNode === 'object' && !Array.isArray(seqToNode) ? Object.entries(seqToNode) : null;
  if (!entries || entries.some(([, node]) => typeof node !== 'string')) return `its WebRL id map blob ${ref} is damaged (not a JSON object of WebRL id → node id)`;
  return new Map(entries.map(([seq, node]) => [node as string, seq]));
}
