import { readdirSync, readFileSync } from 'node:fs';

// Chromium's CPU time, read from the process tree under this process (issue 22: "the scheduler bench reports
// Chromium CPU per step"). Linux only (/proc); elsewhere it reads as null and the benches print "—".
// Each live descendant counts its own utime+stime plus cutime+cstime, the time of children it has already
// reaped: renderers of closed contexts exit during a run, and their time stays counted through the
// Chromium process that waited for them (the zygote or the browser).

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux Node runs on

interface ProcStat {
  pid: number;
  ppid: number;
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name sits in parentheses and may hold spaces; the fields after it are fixed.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3); ppid is field 4; utime..cstime are fields 14..17.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { pid, ppid: Number(fields[1]), ticks };
  } catch {
    return null; // gone between the listing and the read
  }
}

/** Seconds of CPU used so far by every process below this one (the browsers it launched and their
 * renderers, GPU and utility processes), or null where /proc is not there. */
export function childProcessCpuSeconds(root = process.pid): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return null;
  }
  const stats = entries.filter((e) => /^\d+$/.test(e)).map((e) => readStat(Number(e))).filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  let ticks = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const s = stack.pop()!;
    ticks += s.ticks;
    stack.push(...(children.get(s.pid) ?? []));
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** Runs work and returns its result with the CPU seconds the child processes (Chromium) spent meanwhile, and
 * this process's own (the harness: Node, SQLite, the sandbox server). */
export async function withChildCpu<T>(work: () => Promise<T>): Promise<{ result: T; cpuSeconds: number | null; selfCpuSeconds: number }> {
  const before = childProcessCpuSeconds();
  const self = process.cpuUsage();
  const result = await work();
  const selfUsed = process.cpuUsage(self);
  const after = childProcessCpuSeconds();
  return { result, cpuSeconds: before === null || after === null ? null : after - before, selfCpuSeconds: (selfUsed.user + selfUsed.system) / 1e6 };
}
