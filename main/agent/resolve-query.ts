import type { ObservedNode } from '../browser/observation-types';
import type { ElementQuery } from '../sandbox/types';

/** Finds the node an ElementQuery names (role + accessible name) in an observation. */
export function resolveQuery(nodes: readonly ObservedNode[], query: ElementQuery): ObservedNode | undefined {
  const matches = nodes.filter(
    (n) =>
      (query.role === undefined || n.role === query.role) &&
      (query.name === undefined || n.name === query.name) &&
      (query.nameContains === undefined || n.name.includes(query.nameContains)),
  );
  return matches[query.nth ?? 0];
}

export function describeQuery(query: ElementQuery): string {
  const parts = [query.role ?? 'any role'];
  if (query.name !== undefined) parts.push(`named "${query.name}"`);
  if (query.nameContains !== undefined) parts.push(`with a name containing "${query.nameContains}"`);
  if (query.nth) parts.push(`(match #${query.nth + 1})`);
  return parts.join(' ');
}
