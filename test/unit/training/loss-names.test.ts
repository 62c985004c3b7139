import { describe, expect, it } from 'vitest';
import type { TrainingProgress } from '../../../main/api/training-types';
import { progressLine } from '../../../main/cli/train-command';
import * as main from '../../../main/training/loss-names';
import * as page from '../../../renderer/src/features/training/loss-names';

// The training audit of the ninth session: `train` printed the stored loss keys ("critic 0.6931, potential 0.0123")
// where the Training page reads "value BCE" and "potential MSE" (docs/design/MIRA.md §4.2, §4.4). The names live in
// main/training/loss-names.ts; the renderer, which may import only types from main/, keeps a copy this test holds
// equal (as test/unit/renderer/mira-fields.test.ts does for the MiRA fields).
const critics: TrainingProgress = {
  jobId: 'j', variant: 'full', phase: 1, stage: 'critics', done: 3, total: 20,
  losses: { critic: 0.6931, potential: 0.0123, 'value held-out BCE': 0.7 }, message: 'phase 1 critic loss 0.6931',
};

describe('loss names', () => {
  it('are the Training page’s in the CLI progress line', () => {
    expect(progressLine(critics)).toBe('[full] phase 1 critics: value BCE 0.6931, potential MSE 0.0123, value held-out BCE 0.7000');
  });

  it('are one table, main’s and the renderer’s copy alike', () => {
    expect(page.LOSS_LABELS).toEqual(main.LOSS_LABELS);
    for (const key of ['critic', 'potential', 'policy', 'sft', 'value held-out BCE']) expect(page.lossLabel(key)).toBe(main.lossLabel(key));
  });
});
