import type { TrainingPhaseResult } from '../../../../main/api/training-types';
import { useWorkbench } from '../../stores/workbench-store';
import { NO_FILTERS } from '../runs/episode-filters';
import { rolloutsLink } from './rollouts-link';

/** "rollouts (N)" of a phase (issue 21): the trainer stores each phase's rollouts (phase 0: its oracle
 * demonstrations, counted as SFT used them) as a run of the job; the link opens the episodes table on that run
 * and phase, where every row opens in replay. Training episodes are otherwise kept out of the table
 * (main/store/episode-page.ts). */
export function PhaseRollouts({ phase }: { phase: TrainingPhaseResult }) {
  const navigate = useWorkbench((s) => s.navigate);
  const setQuery = useWorkbench((s) => s.setQuery);
  const setFilters = useWorkbench((s) => s.setFilters);
  const link = rolloutsLink(phase);
  if (!link) return null;
  const open = () => {
    // Only this run and phase: the study filters a person set earlier would hide its rows.
    setQuery({ runId: link.runId, taskId: undefined, search: undefined, family: undefined, policy: undefined, subgoalVersion: undefined, promptVersion: undefined, tag: undefined });
    setFilters({ ...NO_FILTERS, phase: `phase ${phase.phase}`, outcome: link.outcome });
    navigate({ view: 'episodes' });
  };
  return (
    <a href="#/" data-testid="phase-rollouts" aria-label={`Rollouts of ${phase.variant} phase ${phase.phase}`} title={link.title}
      onClick={(e) => (e.preventDefault(), open())}>
      {link.label}
    </a>
  );
}
