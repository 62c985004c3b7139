import type { ForkProvenance } from '../../../../main/api/types';
import { useWorkbench } from '../../stores/workbench-store';

/** A fork's provenance: a link back to the source episode at the step the new policy took over. */
export function ForkedFrom({ from }: { from: ForkProvenance }) {
  const navigate = useWorkbench((s) => s.navigate);
  const target = { view: 'replay', episodeId: from.episodeId, step: from.step } as const;
  return (
    <p className="small forked-from" data-testid="forked-from">
      <a href={`#/episode/${encodeURIComponent(from.episodeId)}/step/${from.step}`} onClick={(e) => (e.preventDefault(), navigate(target))}>
        Forked from episode {from.episodeId.slice(0, 8)} at step {from.step + 1}
      </a>
      {from.step > 0 && <span className="muted"> · steps 1–{from.step} replay the source (marked ↺ in the filmstrip)</span>}
    </p>
  );
}
