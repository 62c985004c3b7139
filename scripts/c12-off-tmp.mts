import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../main/core';

function snap(): Map<string, number> {
  const byPid = new Map<number, { ppid: number; ticks: number; kind: string }>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const s = readFileSync(`/proc/${e}/stat`, 'utf8');
      const cmd = readFileSync(`/proc/${e}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      const kind = !cmd.includes('chrom') ? 'other' : cmd.includes('type=renderer') ? 'renderer' : cmd.includes('type=gpu') ? 'gpu' : cmd.includes('type=utility') ? 'utility' : cmd.includes('zygote') ? 'zygote(reaped renderers)' : 'browser';
      byPid.set(Number(e), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), kind });
    } catch {}
  }
  const out = new Map<string, number>();
  const stack = [process.pid];
  const kids = new Map<number, number[]>();
  for (const [pid, s] of byPid) kids.set(s.ppid, [...(kids.get(s.ppid) ?? []), pid]);
  while (stack.length) {
    const p = stack.pop()!;
    for (const k of kids.get(p) ?? []) { const s = byPid.get(k)!; out.set(s.kind, (out.get(s.kind) ?? 0) + s.ticks); stack.push(k); }
  }
  const u = process.cpuUsage();
  out.set('node (harness)', (u.user + u.system) / 1e4);
  return out;
}

const N = Number(process.env.N ?? 24); const OFF = Number(process.env.OFF ?? 0);
const dir = await mkdtemp(join(tmpdir(), 'c12-'));
const core = await createCore({ dataDir: dir, sandbox: { instancesPerFamily: 8 } });
const taskIds = core.catalog!.all().filter((i) => i.site === 'shop').slice(OFF, OFF + N).map((i) => i.id);
// warm-up
await (await core.run({ taskIds: taskIds.slice(0, 4), policy: 'oracle', scheduler: { concurrency: 2 } })).done;
for (const c of (process.env.CS ?? '1,2,1,2').split(',').map(Number)) {
  const a = snap(); const t0 = performance.now();
  const res = await (await core.run({ taskIds, policy: 'oracle', scheduler: { concurrency: c } })).done;
  const wall = (performance.now() - t0) / 1000; const b = snap();
  const steps = res.reduce((n, e) => n + e.stepCount, 0);
  const parts = [...b].map(([k, v]) => [k, (v - (a.get(k) ?? 0)) * 10 / steps] as const).filter(([, v]) => v > 0.5);
  const total = parts.reduce((s, [, v]) => s + v, 0);
  console.log(`c${c}: ${wall.toFixed(1)} s, ${(res.length / wall * 60).toFixed(1)} eps/min, ${steps} steps, ${(total * steps / 1000 / wall).toFixed(2)} cores busy; CPU ms/step: ${parts.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}; total ${total.toFixed(0)}; ok ${res.filter((e) => e.success).length}/${res.length}`);
}
await core.close();
await rm(dir, { recursive: true, force: true });
