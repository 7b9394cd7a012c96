import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

// Clock ticks per second of /proc/<pid>/stat's times (USER_HZ; 100 on Linux).
const CLK_TCK = 100;

/** utime + stime of a process, in ms; 0 if it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK; // utime, stime: fields 14, 15 of proc(5)
  } catch {
    return 0;
  }
}

/** The peak resident set size of a process so far (VmHWM), in bytes; 0 if it is gone. */
export function peakRssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** CPU model and count, memory and Node: the first line of a benchmark's output. */
export function machine(): string {
  const cores = cpus();
  return (
    `${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
    `node ${process.version}`
  );
}
