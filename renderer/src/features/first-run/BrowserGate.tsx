import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { CoreInfo } from '../../../../main/api/contract';
import { getClient } from '../../api/client';
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

  if (info && info.browser.executablePath === null && !dismissed) {
    return <NoBrowserScreen info={info} onCheckAgain={refresh} onDismiss={() => setDismissed(true)} />;
  }
  return <>{children}</>;
}
