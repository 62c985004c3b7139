import { existsSync } from 'node:fs';
import type { Core } from '../core';
import { isLoopbackBind } from '../host/host-guard';
import { RESOURCES } from '../resources/resource-paths';
import { flagNumber, flagString, type ParsedArgs } from './args';

export const RENDERER_DIR = RESOURCES.rendererDir;
const DEFAULT_PORT = 5175;

/** `serve`: the same UI and API as the desktop app, on 127.0.0.1, for machines without Electron or for a
 * headless GPU box reached from a laptop's browser (README "Security": token, Host/Origin allow-list, SSH
 * port-forwarding). Runs until interrupted; returns -1 (keep running). */
export async function serveCommand(args: ParsedArgs, core: Core): Promise<number> {
  const staticDir = flagString(args, 'static') ?? RENDERER_DIR;
  if (!existsSync(staticDir)) throw new Error(`The UI is not built (${staticDir} is missing): run \`npm run build\` first.`);
  const { port, portGiven, host, withToken } = serveOptions(args);
  keepServingOnUnhandledRejections();
  // Loaded on demand: `run` and `list` never pay for the web host's imports.
  const { startCoreHost } = await import('../host/core-host');
  const served = await startCoreHost(core, {
    staticDir,
    port,
    host,
    token: withToken ? undefined : null,
    fallbackToFreePort: !portGiven,
  }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new Error(`${err.message} Stop it, or choose another port with --port N (--port 0 takes any free one).`);
    throw err;
  });
  const info = await core.api.info();
  if (port !== 0 && served.port !== port) console.log(`Port ${port} is busy; serving on ${served.port} instead.`);
  console.log(`MiRA Workbench is serving on ${served.url}`);
  if (served.token !== null) console.log(`  Open this URL (it carries this session's access token):\n\n    ${served.loginUrl}\n`);
  else console.log('  Without an access token (--no-token): every program and user on this machine can drive it.');
  console.log(`  data: ${info.dataDir}   sandbox: ${info.sandboxUrl ?? 'off'}   browser: ${info.browser.executablePath ?? info.browser.problem}`);
  return -1;
}

function serveOptions(args: ParsedArgs): { port: number; portGiven: boolean; host: string; withToken: boolean } {
  const portGiven = args.flags.port !== undefined;
  const port = flagNumber(args, 'port', DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a whole number from 0 to 65535, not ${port}.`);
  const host = flagString(args, 'host') ?? '127.0.0.1';
  const noToken = args.flags['no-token'];
  if (noToken !== undefined && noToken !== true) throw new Error('--no-token takes no value.');
  if (noToken && !isLoopbackBind(host)) {
    throw new Error(`--no-token is only allowed on a loopback --host (127.0.0.1, localhost, ::1), not ${host}: anyone who can reach ${host} could drive the workbench.`);
  }
  return { port, portGiven, host, withToken: !noToken };
}

/** A long-running host outlives one failed promise: the runs in flight and every connected page keep going,
 * and the failure is logged with its stack. */
function keepServingOnUnhandledRejections(): void {
  process.on('unhandledRejection', (reason) => {
    console.error(`Unhandled rejection (the workbench keeps serving): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
}
