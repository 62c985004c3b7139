// The code site's entry for the sandbox's list of sites (main/sandbox/sites.ts): every site folder exports
// this one shape — its SiteModule and its task families (docs/design/SANDBOX.md §1, §3).
import type { SandboxSite } from '../site';
import type { CodeData } from './data';
import { CODE_FAMILIES } from './families/all';
import { codeSiteModule } from './site';
import type { CodeState } from './state';

export const site: SandboxSite<CodeData, CodeState> = { module: codeSiteModule, families: CODE_FAMILIES };
