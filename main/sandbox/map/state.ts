// The map's mutable state for one episode: saved places (bookmarks in named lists), recent searches and
// one-shot flash messages. Copied from the seeded initial values at every reset: a handful of small
// objects, so a fresh copy takes microseconds.
import type { MapData, Place, RecentSearch, SavedEntry } from './data';
import { SAVED_LISTS, type SavedList } from './vocab';

export const MAX_RECENT = 8;

export interface MapState {
  /** Oldest first. */
  saved: SavedEntry[];
  /** Newest first. */
  recent: RecentSearch[];
  flash: Array<{ kind: 'success' | 'error'; text: string }>;
}

export function freshMapState(data: MapData): MapState {
  return {
    saved: data.initialSaved.map((s) => ({ ...s })),
    recent: data.initialRecent.map((r) => ({ ...r })),
    flash: [],
  };
}

export function isSavedList(text: string | null): text is SavedList {
  return (SAVED_LISTS as readonly string[]).includes(text ?? '');
}

/** Saves the place in the list; a place already saved moves to the new list. */
export function savePlace(state: MapState, place: Place, list: SavedList): 'added' | 'moved' | 'unchanged' {
  const entry = state.saved.find((s) => s.placeId === place.id);
  if (!entry) {
    state.saved.push({ placeId: place.id, list });
    return 'added';
  }
  if (entry.list === list) return 'unchanged';
  entry.list = list;
  return 'moved';
}

export function removeSaved(state: MapState, place: Place): boolean {
  const before = state.saved.length;
  state.saved = state.saved.filter((s) => s.placeId !== place.id);
  return state.saved.length < before;
}

/** Puts a search at the top of the history (once), dropping the oldest beyond MAX_RECENT. */
export function recordSearch(state: MapState, search: RecentSearch): void {
  state.recent = [search, ...state.recent.filter((r) => r.query !== search.query)].slice(0, MAX_RECENT);
}

/** One saved entry as the saved-places page prints it; program_html checks match this text. */
export const savedLine = (placeName: string, list: string): string => `${placeName} (${list})`;

/** Named checks for `site_state` subgoal predicates (prefix `map.`). */
export function checkMapState(data: MapData, state: MapState, check: string, args: Record<string, unknown>): boolean {
  const place = typeof args.place === 'string' ? data.placeByName.get(args.place.toLowerCase()) : undefined;
  switch (check) {
    case 'map.saved_contains':
      return !!place && state.saved.some((s) => s.placeId === place.id && (args.list === undefined || s.list === args.list));
    case 'map.saved_count':
      return state.saved.filter((s) => args.list === undefined || s.list === args.list).length === Number(args.count);
    case 'map.recent_contains':
      return state.recent.some((r) => r.label === args.label);
    default:
      throw new Error(`unknown map state check: ${check}`);
  }
}
