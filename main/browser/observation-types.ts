import type { Box, ElementBox } from '../api/types';
import type { WebRlSnapshot } from './webrl-dom-script';

/** One node of the page as the agent sees it: roughly an accessibility-tree node. Ids are assigned by the
 * page script and stay the same for as long as the DOM node exists (docs/design/WEBARENA.md §3: WebArena's
 * Chrome node ids change between steps; ours do not). */
export interface ObservedNode {
  id: string;
  role: string;
  name: string;
  depth: number;
  /** Extra state shown after the name: value, checked, disabled, expanded, selected, level, required... */
  props: Record<string, string>;
  /** Box in viewport CSS pixels, when the node is rendered. */
  box: Box | null;
  /** The element an action on this node acts on (a StaticText node acts on its parent element). */
  targetId: string;
  /** True for elements an agent can act on (links, buttons, inputs, options...). */
  interactive: boolean;
}

export interface TabInfo {
  index: number;
  title: string;
  url: string;
  active: boolean;
}

export interface Observation {
  url: string;
  title: string;
  tabs: TabInfo[];
  nodes: ObservedNode[];
  /** WebArena-style accessibility-tree text: `[id] role 'name' prop: value`, tab-indented. */
  text: string;
  /** JPEG of the viewport; null when the observation was taken without one (screenshot-capture.ts). */
  screenshot: Buffer | null;
  viewport: { width: number; height: number };
  /** ~160 px wide JPEG of the viewport for the replay filmstrip (scaled-frames.ts); taken with the screenshot. */
  thumbnail?: Buffer | null;
  /** Boxes of interactive elements inside the viewport, for set-of-marks and overlays. */
  boxes: ElementBox[];
  /** The DOM as WebRL's HTML is rendered from (render-webrl-html.ts); taken in the same page.evaluate as nodes. */
  webrl?: WebRlSnapshot;
  timings: { extractMs: number; screenshotMs: number };
}
