import { readFileSync } from 'node:fs';

// Linux reports process times in clock ticks of 1/100 s (USER_HZ; 100 on every mainstream kernel).
const TICK_MS = 10;

/**
 * CPU time (user + system, ms) used so far by a process and all its descendants, read from /proc:
 * a server started through tsx runs in a child of the process we spawned. Null off Linux.
 */
export function processTreeCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    let total = own;
    for (const child of children === '' ? [] : children.split(' ')) total += processTreeCpuMs(Number(child)) ?? 0;
    return total;
  } catch {
    return null;
  }
}
