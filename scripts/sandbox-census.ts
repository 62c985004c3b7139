// `npm run census`: the sandbox's task families per site and per oracle-length bucket (issue 4).
import { LENGTH_BUCKETS, sandboxCensus } from '../main/sandbox/census';

const census = sandboxCensus(Number(process.env.DATASET_SEED ?? 1));
const pad = (text: string | number, width: number) => String(text).padEnd(width);

console.log(`${pad('family', 34)}${pad('kind', 11)}${pad('steps (min/med/max)', 21)}instances`);
for (const f of census.families) console.log(`${pad(f.id, 34)}${pad(f.kind, 11)}${pad(`${f.minSteps}/${f.medianSteps}/${f.maxSteps}`, 21)}${f.instances}`);

console.log(`\n${pad('site', 12)}${LENGTH_BUCKETS.map((b) => pad(b.label, 7)).join('')}total`);
const totals = Object.fromEntries(LENGTH_BUCKETS.map((b) => [b.label, 0]));
for (const [site, buckets] of Object.entries(census.bySiteAndBucket)) {
  const sum = Object.values(buckets).reduce((a, b) => a + b, 0);
  for (const b of LENGTH_BUCKETS) totals[b.label] += buckets[b.label] ?? 0;
  console.log(`${pad(site, 12)}${LENGTH_BUCKETS.map((b) => pad(buckets[b.label] ?? 0, 7)).join('')}${sum}`);
}
console.log(`${pad('all', 12)}${LENGTH_BUCKETS.map((b) => pad(totals[b.label], 7)).join('')}${census.families.length}`);
console.log(`\n${census.families.length} families, ${census.totalInstances} distinct instances; ${(census.longShare * 100).toFixed(0)}% of families need 8+ steps.`);
