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
  /** The evaluator's score (VAB's `score`): the episode's score, else 1 for success and 0 for failure. */
  score: number;
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
    const { episode } = source;
    const score = episode.score !== null && Number.isFinite(episode.score) ? episode.score : episode.success ? 1 : 0;
    yield { source, intent, score, steps };
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
  if (!ids) return 'its WebRL id map blob is missing';
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

async function readIdMap(store: Store, ref: string | null): Promise<Map<string, string> | null> {
  const text = await readBlobText(store, ref);
  if (text === null) return null;
  const seqToNode = JSON.parse(text) as Record<string, string>;
  return new Map(Object.entries(seqToNode).map(([seq, node]) => [node, seq]));
}
