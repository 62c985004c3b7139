// Every code task family, in code order (codes 401–412).
import type { TaskFamily } from '../../types';
import { addMember } from './add-member';
import { closeLabelledIssues } from './close-labelled-issues';
import { commentMostDiscussed } from './comment-most-discussed';
import { commitCount } from './commit-count';
import { createIssue } from './create-issue';
import { filteredIssues } from './filtered-issues';
import { firstCommit } from './first-commit';
import { groupTopProject } from './group-top-project';
import { issueAuthorProfile } from './issue-author-profile';
import { mrSourceBranch } from './mr-source-branch';
import { projectVersion } from './project-version';
import { starTopProjects } from './star-top-projects';

export const CODE_FAMILIES: TaskFamily[] = [
  projectVersion, groupTopProject, filteredIssues, createIssue, commentMostDiscussed, closeLabelledIssues, starTopProjects, addMember,
  commitCount, issueAuthorProfile, firstCommit, mrSourceBranch,
];
