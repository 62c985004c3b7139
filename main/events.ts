import type { ApiEventName, ApiEvents, WireEvent } from './api/contract';

export type EventListener = (event: WireEvent) => void;

/** Fan-out of core events to every front end (web host sockets, Electron windows, CLI progress). */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
    for (const listener of this.listeners) {
      try {
        listener({ event, payload });
      } catch {
        // A broken front end must not stop a run.
      }
    }
  }
}
