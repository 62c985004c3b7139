import type { SubgoalSet } from '../../../../main/api/contract';
import { VersionDiff } from '../../components/VersionDiff';
import { describe } from './subgoal-draft';
import { versionUseTag } from './version-labels';

/** The difference between two versions of a task's subgoal set, one milestone per line. */
export function SubgoalDiff({ versions }: { versions: SubgoalSet[] }) {
  const texts = versions.map((v) => ({ version: v.version, label: [v.origin, versionUseTag(v)].filter(Boolean).join(', '), text: describe(v.items) }));
  return <VersionDiff versions={texts} testId="subgoal-diff" changesLabel="Subgoal changes" />;
}
