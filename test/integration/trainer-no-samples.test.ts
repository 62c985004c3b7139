// Issue 14: a training job whose demonstrations produce no samples fails with the reason, instead of saving a
// checkpoint that only looks trained. Here no browser can start, so every oracle demonstration ends at once.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runTrainer } from '../../main/training/phases/trainer';
import { useTempDir } from '../helpers/use-core';

const temp = useTempDir('mira-no-samples-');

it('fails with the reason when the demonstrations give SFT nothing to learn from', { timeout: 180_000 }, async () => {
  const lines: string[] = [];
  const training = runTrainer(
    {
      checkpointDir: join(temp.path, 'ckpt'), families: ['shop/sorted-category'], datasetSeed: 1, instancesPerFamily: 2, seed: 1,
      phases: 1, concurrency: 1, backend: 'cpu', browserPath: join(temp.path, 'no-such-browser'),
    },
    (m) => m.type === 'log' && lines.push(m.line),
    () => false,
  );
  await expect(training).rejects.toThrow(/^No SFT samples: 1 episode\(s\), 0 successful, 0 step\(s\) \(0 outside the action space\), stopped by: browser_error\.$/);
  expect(lines.some((l) => l.startsWith('SFT on 0 demonstrated actions')), lines.join('\n')).toBe(true);
});
