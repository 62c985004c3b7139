import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CoreInfo } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
import { focusHeading } from '../../components/use-route-focus';
import { NoBrowserScreen } from './NoBrowserScreen';

/** Shows the first-run screen instead of the workbench while the core finds no browser (until set aside
 * for this session); everything else renders as usual. */
export function BrowserGate({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<CoreInfo | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const refresh = useCallback(async () => {
    const next = await getClient().info();
    setInfo(next);
    return next.browser.executablePath !== null;
  }, []);
  useEffect(() => {
    refresh().catch(() => undefined); // unreachable host: the views report it themselves
  }, [refresh]);
  const blocked = info !== null && info.browser.executablePath === null && !dismissed;
  // The screen going away (set aside, or a browser found) removes the button that had the focus: the page it
  // uncovers takes it, on its heading.
  const gate = useRef<HTMLDivElement>(null);
  const wasBlocked = useRef(false);
  useEffect(() => {
    if (wasBlocked.current && !blocked) focusHeading(gate.current);
    wasBlocked.current = blocked;
  }, [blocked]);

  if (blocked) {
    return <NoBrowserScreen info={info} onCheckAgain={refresh} onDismiss={() => setDismissed(true)} />;
  }
  return <div ref={gate}>{children}</div>;
}
