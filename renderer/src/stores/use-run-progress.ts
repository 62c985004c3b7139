import { useEffect, useState } from 'react';
import type { RunProgress } from '../../../main/api/contract';
import { getClient } from '../api/client';

/** Live progress per run id from the core's 'progress' events (the bars in the runs views). */
export function useRunProgress(): Record<string, RunProgress> {
  const [progress, setProgress] = useState<Record<string, RunProgress>>({});
  useEffect(() => getClient().on('progress', (p) => setProgress((prev) => ({ ...prev, [p.runId]: p }))), []);
  return progress;
}
