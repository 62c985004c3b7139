// The Training page's "New training job" form, filled as a person fills it: the families, the number of MiRA
// phases after SFT, the instances per family and, where the spec sets it, the SFT demos per family. A spec that
// sets other fields too (variants, seeds, parallel variants) sets them itself and clicks "Start training".
import type { Locator } from '@playwright/test';

export interface TrainingFormFields {
  families: string[];
  phases: number;
  instancesPerFamily: number;
  sftDemosPerFamily?: number;
}

export async function fillTrainingForm(form: Locator, fields: TrainingFormFields): Promise<void> {
  await form.getByLabel('Families').selectOption(fields.families);
  await form.getByLabel('MiRA phases after SFT').fill(String(fields.phases));
  await form.getByLabel('Instances per family').fill(String(fields.instancesPerFamily));
  if (fields.sftDemosPerFamily !== undefined) await form.getByLabel('SFT demos per family').fill(String(fields.sftDemosPerFamily));
}

/** Fills the form, clicks "Start training" and returns the job panel that shows the new job. */
export async function startTrainingJob(form: Locator, fields: TrainingFormFields): Promise<Locator> {
  await fillTrainingForm(form, fields);
  await form.getByRole('button', { name: 'Start training' }).click();
  return form.page().getByTestId('training-job');
}
