import type { StepViewRef, StepViews } from '../api/types';
import type { Observation } from '../browser/observation-types';
import { renderWebRlHtml } from '../browser/render-webrl-html';
import type { BlobStore } from '../store/blobs';
import type { ObservationView } from './observation-view';

// What the policy read on a step, stored beside the AX tree (issue 23): its own view (AX tree, WebRL HTML
// or the SoM element list) and WebRL's simplified HTML of the same extraction with its id map, so an export
// gives a WebRL model the page and the ids it expects (docs/design/WEBARENA.md §3) even for a policy that
// read the AX tree. Blobs are content-addressed, so an AX-tree view costs nothing beside the observation.

export async function storeStepViews(blobs: Pick<BlobStore, 'put'>, observation: Observation, view: ObservationView): Promise<StepViews> {
  // The WebRL view's id map: every id="N" → the node the executor acts on for it (render-webrl-html.ts).
  const html = renderWebRlHtml(observation.webrl, observation.nodes);
  const webrl = await storeView(blobs, 'webrl-html', html.html, html.idMap());
  if (view.format === 'webrl-html') return { policy: webrl, webrl };
  const policy = await storeView(blobs, view.format, view.text, null);
  return { policy, webrl };
}

async function storeView(blobs: Pick<BlobStore, 'put'>, format: StepViewRef['format'], text: string, ids: Record<string, string> | null): Promise<StepViewRef> {
  const [textRef, idsRef] = await Promise.all([blobs.put(text), ids ? blobs.put(JSON.stringify(ids)) : Promise.resolve(null)]);
  return { format, textRef, idsRef };
}
