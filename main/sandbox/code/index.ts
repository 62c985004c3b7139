// The code site's entry point for the sandbox registry: its SiteModule and its task families.
// See docs/design/SANDBOX.md §1, §3.
import type { TaskFamily } from '../types';
import { CODE_FAMILIES } from './families/all';
import { gitlabSite } from './site';

export const codeSite = gitlabSite;
export const codeFamilies: TaskFamily[] = CODE_FAMILIES;
