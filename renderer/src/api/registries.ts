import { useEffect, useState } from 'react';
import type { PolicyId, Registries } from '../../../main/api/registries';
import { getClient } from './client';

// The closed lists the renderer offers (providers, policies) come from the core's registries through info(), not
// from copies here: the renderer may import main/api only as types (docs/design/extending.md).

let pending: Promise<Registries> | null = null;

/** The core's registries, fetched once per page load (a failed fetch is retried by the next caller). */
export function loadRegistries(): Promise<Registries> {
  pending ??= getClient().info().then((info) => info.registries, (err: unknown) => {
    pending = null;
    throw err;
  });
  return pending;
}

/** The registries once loaded; null before (a dropdown then offers nothing yet). */
export function useRegistries(): Registries | null {
  const [registries, setRegistries] = useState<Registries | null>(null);
  useEffect(() => {
    let live = true;
    loadRegistries().then((r) => live && setRegistries(r), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return registries;
}

/** Whether a policy acts through an LLM (its kind in the registry); false for names the registry lacks. */
export function isLlmPolicy(registries: Registries | null, policy: string): boolean {
  return registries !== null && Object.prototype.hasOwnProperty.call(registries.policies, policy) && registries.policies[policy as PolicyId].kind === 'llm';
}
