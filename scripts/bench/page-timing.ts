// In-page timing for the UI benches (issue 22 "an honest UI bench"). Installed with page.addInitScript before
// the app loads, so its listeners run before the app's. Each measurement starts at a person's input event
// (keydown, or mousedown on an episode row) taken with performance.now() inside the page, and ends when the
// expected frame is there, at three points:
//   inDom   — the new screenshot <img> (alt "Screenshot of step t") is in the DOM (MutationObserver, no polling);
//   decoded — its decode() promise resolved: the pixels are ready to paint. An element whose decode() the app
//             had asked for and seen resolved before the input (a neighbouring frame held decoded, hidden) was
//             ready at the input, so for it decoded = inDom: a decode() asked for now would only wait for the
//             compositor's next commit, which the frame being measured does anyway;
//   painted — the next requestAnimationFrame callback after that, i.e. the frame that shows it. This one is
//             quantised to the display refresh (~16.7 ms), which is why `decoded` is reported too;
//   frames  — which animation frame after the input that was (1: the first frame after the key press).
// Written as a plain string: the bench runs under tsx, whose esbuild would wrap named functions in __name().

export interface FrameTiming {
  kind: 'open' | 'key';
  inDom: number;
  decoded: number;
  painted: number;
  frames: number;
}

export const PAGE_TIMING_SCRIPT = `
(() => {
  const results = [];
  let expecting = null;
  // When the app's own decode() of each <img> resolved (wrapped before the app loads; observes, never adds work).
  const decodedAt = new WeakMap();
  const decode = HTMLImageElement.prototype.decode;
  HTMLImageElement.prototype.decode = function () {
    const element = this;
    return decode.call(element).then((value) => {
      if (decodedAt.get(element)?.src !== element.currentSrc) decodedAt.set(element, { src: element.currentSrc, at: performance.now() });
      return value;
    });
  };
  const counterStep = () => {
    const m = /Step (\\d+) \\/ (\\d+)/.exec(document.querySelector('[data-testid="step-counter"]')?.textContent ?? '');
    return m ? { t: Number(m[1]) - 1, count: Number(m[2]) } : null;
  };
  // The step's frame: its screenshot, or the note a step without one shows (then there is nothing to decode);
  // not the placeholder shown while the step's record is on its way (.pending).
  const frameFor = (t) => {
    const img = document.querySelector('[data-testid="screenshot"]');
    if (img && img.getAttribute('alt') === 'Screenshot of step ' + t) return img;
    return counterStep()?.t === t && document.querySelector('.frame.empty:not(.pending)') ? 'empty' : null;
  };
  const finish = (img, kind, start, frameCount) => {
    const inDom = performance.now();
    const seen = img === 'empty' ? null : decodedAt.get(img);
    const ready = img === 'empty' || (!!seen && seen.src === img.currentSrc && seen.at <= start);
    (ready ? Promise.resolve() : decode.call(img)).catch(() => undefined).then(() => {
      const decoded = performance.now();
      requestAnimationFrame(() => {
        const painted = performance.now();
        results.push({ kind, inDom: inDom - start, decoded: decoded - start, painted: painted - start, frames: frameCount.stop() });
      });
    });
  };
  // Counts animation frames from the input on; its callback for a frame runs before the 'painted' one.
  const countFrames = () => {
    let n = 0;
    let counting = true;
    const tick = () => {
      n++;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return { stop: () => ((counting = false), n) };
  };
  const observer = new MutationObserver(() => {
    if (!expecting) return;
    const img = frameFor(expecting.t);
    if (!img) return;
    const { kind, start, frameCount } = expecting;
    expecting = null;
    finish(img, kind, start, frameCount);
  });
  const arm = (kind, t, start) => {
    expecting = { kind, t, start, frameCount: countFrames() };
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['alt', 'src', 'data-testid', 'class'] });
  };
  window.addEventListener('keydown', (event) => {
    const at = counterStep();
    if (!at) return;
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const t = at.t + delta;
    if (delta === 0 || t < 0 || t >= at.count) return;
    arm('key', t, performance.now());
  }, true);
  window.addEventListener('mousedown', (event) => {
    if (event.target instanceof Element && event.target.closest('[data-testid="episode-row"]')) {
      performance.mark('open-episode');
      arm('open', 0, performance.now());
    }
  }, true);
  window.__uiBench = { results };
})();
`;
