import { useEffect, useMemo, useState } from 'react';
import type { TrainingRequest, TrainingVariant } from '../../../../main/api/training-types';
import type { TaskSummary } from '../../../../main/api/types';
import { getClient } from '../../api/client';
import { listAllTasks } from '../../api/task-pages';
import { MiraAdvancedFields } from './MiraAdvancedFields';
import { EMPTY_MIRA_FORM, readMiraForm, type MiraFormValues } from './mira-fields';
import { familiesSelectedText, instancesProblem, MAX_INSTANCES, MIN_INSTANCES } from './form-hints';

// The renderer may import only types from main/ (layering rule), so the variants are listed here; the
// check below stops the build if the contract gains a variant this list lacks.
const VARIANTS = ['full', 'no-potential', 'kl', 'awr', 'awr-filter', 'no-dr-td', 'no-dr-mc'] as const satisfies readonly TrainingVariant[];
const EVERY_VARIANT_LISTED: Exclude<TrainingVariant, (typeof VARIANTS)[number]> extends never ? true : never = true;
void EVERY_VARIANT_LISTED;

/** Configure and start a training job: variants (one = a training run, several = an ablation with the same
 * seeds and budget), phases, sandbox families, instances, the data budget (SFT demos per family, rollouts and tasks
 * per phase), seed, and under Advanced the MiRA hyper-parameters (docs/design/MIRA.md §6). */
export function TrainingForm({ onStarted }: { onStarted(jobId: string): void }) {
  const [tasks, setTasks] = useState<TaskSummary[]>([]);
  const [variants, setVariants] = useState<TrainingVariant[]>(['full']);
  const [families, setFamilies] = useState<string[]>([]);
  const [phases, setPhases] = useState(2);
  const [instances, setInstances] = useState(10);
  // "1" trains once; "1,2,3" runs the same job per trainer seed and the study gives intervals (issue 17).
  const [seedsText, setSeedsText] = useState('1');
  // Blank = the trainer's default (every train task's demonstration; one rollout per task).
  const [sftDemos, setSftDemos] = useState('');
  const [rollouts, setRollouts] = useState('');
  // Blank = every train task each phase (the curriculum picks which after phase 1).
  const [tasksPerPhase, setTasksPerPhase] = useState('');
  const [mira, setMira] = useState<MiraFormValues>(EMPTY_MIRA_FORM);
  // Blank = the trainer's default (one worker per available core, at most one per variant).
  const [parallel, setParallel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void listAllTasks(getClient()).then(setTasks, (e: Error) => setError(e.message));
  }, []);
  const allFamilies = useMemo(() => [...new Set(tasks.map((t) => t.family).filter((f): f is string => !!f))].sort(), [tasks]);
  useEffect(() => {
    // A functional update: a choice the user made while the task list was still arriving is kept, never
    // replaced by the defaults computed from an older render.
    if (allFamilies.length > 0) setFamilies((chosen) => (chosen.length > 0 ? chosen : allFamilies.filter((f) => f.startsWith('shop/')).slice(0, 3)));
  }, [allFamilies]);

  const instancesIssue = instancesProblem(instances);
  const toggle = (v: TrainingVariant) => setVariants((prev) => (prev.includes(v) ? prev.filter((x) => x !== v) : [...prev, v]));
  const start = async () => {
    setBusy(true);
    setError(null);
    const budget = { ...(sftDemos ? { sftDemosPerFamily: Number(sftDemos) } : {}), ...(rollouts ? { rolloutsPerTask: Number(rollouts) } : {}), ...(tasksPerPhase ? { tasksPerPhase: Number(tasksPerPhase) } : {}) };
    const seeds = seedList(seedsText);
    if (!seeds) {
      setError(`Seeds must be integers separated by commas, e.g. 1,2,3 (got "${seedsText}").`);
      setBusy(false);
      return;
    }
    // An invalid MiRA value is named and nothing is sent (the API would refuse it too, less readably).
    const { overrides, problems } = readMiraForm(mira);
    if (problems.length) {
      setError(`Advanced: ${problems.join(' ')}`);
      setBusy(false);
      return;
    }
    const request: TrainingRequest = {
      variants, phases, families, instancesPerFamily: instances, seed: seeds[0], ...(seeds.length > 1 ? { seeds } : {}), ...(Object.keys(budget).length ? { budget } : {}),
      ...(parallel ? { parallelVariants: Number(parallel) } : {}), ...(Object.keys(overrides).length ? { overrides } : {}),
    };
    try {
      onStarted((await getClient().startTraining(request)).jobId);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel training-form" aria-label="New training job" onSubmit={(e) => (e.preventDefault(), void start())}>
      <h2>New training job</h2>
      <fieldset>
        <legend>Variants</legend>
        {VARIANTS.map((v) => (
          <label key={v} className="check"><input type="checkbox" checked={variants.includes(v)} onChange={() => toggle(v)} /> {v}</label>
        ))}
        <button type="button" onClick={() => setVariants([...VARIANTS])}>Ablation: all variants</button>
      </fieldset>
      <label>Families
        <select multiple aria-label="Families" aria-describedby="families-selected" value={families} onChange={(e) => setFamilies([...e.target.selectedOptions].map((o) => o.value))} size={6}>
          {allFamilies.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
      </label>
      <p className="small muted" id="families-selected" data-testid="families-selected">{familiesSelectedText(families)}</p>
      <label>MiRA phases after SFT <input type="number" min={0} max={20} value={phases} onChange={(e) => setPhases(Number(e.target.value))} /></label>
      <label>Instances per family <input type="number" min={MIN_INSTANCES} max={MAX_INSTANCES} value={instances} onChange={(e) => setInstances(Number(e.target.value))} aria-describedby="instances-hint" aria-invalid={instancesIssue !== null} /></label>
      <p id="instances-hint" className={instancesIssue ? 'small error' : 'small muted'} data-testid="instances-hint">{instancesIssue ?? `${MIN_INSTANCES}–${MAX_INSTANCES}; every fifth is a test task.`}</p>
      <label>SFT demos per family <input type="number" min={1} max={1000} placeholder="all" value={sftDemos} onChange={(e) => setSftDemos(e.target.value)} /></label>
      <label>Rollouts per task <input type="number" min={1} max={16} placeholder="1" value={rollouts} onChange={(e) => setRollouts(e.target.value)} /></label>
      <label>Tasks per phase <input type="number" min={1} max={10000} placeholder="all train tasks" value={tasksPerPhase} onChange={(e) => setTasksPerPhase(e.target.value)} title="Train tasks rolled out per MiRA phase; the curriculum picks which after phase 1" /></label>
      <label>Variants in parallel <input type="number" min={1} max={VARIANTS.length} placeholder="one per core" value={parallel} onChange={(e) => setParallel(e.target.value)} title="Variants trained at once, each in its own worker" /></label>
      <label>Seeds <input type="text" inputMode="numeric" value={seedsText} onChange={(e) => setSeedsText(e.target.value)} title="One seed, or several (1,2,3): the same job per trainer seed" /></label>
      <MiraAdvancedFields values={mira} onChange={setMira} />
      <button type="submit" disabled={busy || variants.length === 0 || families.length === 0}>Start training</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}

/** "1, 2,3" → [1, 2, 3] (distinct integers); null when a part is not an integer or there is none. */
function seedList(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const seeds = [...new Set(parts.map(Number))];
  return parts.length > 0 && seeds.every(Number.isSafeInteger) ? seeds : null;
}
