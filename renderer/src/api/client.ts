import type { WorkbenchClient } from '../../../main/api/contract';
import { webAccessToken } from './web-token';
import { createWebSocketClient } from './websocket-client';

let client: WorkbenchClient | null = null;

/** The desktop app's preload bridge when present, otherwise the web host's WebSocket. The UI cannot tell
 * the two apart: both implement the same typed contract. */
export function getClient(): WorkbenchClient {
  if (!client) {
    client = window.mira ?? createWebSocketClient(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`, webAccessToken());
  }
  return client;
}
