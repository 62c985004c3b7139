// The code site's entry point for the sandbox registry: its SiteModule (null until the site exists) and its
// task families. See ../../../../shared/design/SANDBOX.md.
import type { SiteModule } from '../site';
import type { TaskFamily } from '../types';

export const codeSite: SiteModule<any, any> | null = null;
export const codeFamilies: TaskFamily[] = [];
