/** Small shared harness for `npm run bench`: medians, throughput, targets and same-run ratios. */
import { performance } from 'node:perf_hooks';

export interface Target {
  /** The figure must be at most this (ms) or at least this (ratio / MB/s). */
  max?: number;
  min?: number;
}

export class Bench {
  private misses: string[] = [];

  section(name: string): void {
    process.stdout.write(`\n== ${name} ==\n`);
  }

  /** Median wall time (ms) of `runs` calls after `warmup` calls. */
  async median(fn: () => unknown, runs = 20, warmup = 3): Promise<number> {
    for (let i = 0; i < warmup; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const mid = times.length >> 1;
    return times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  }

  /** Records and prints one figure, checking it against its target. */
  record(label: string, value: number, unit: string, target?: Target): number {
    let verdict = '';
    if (target) {
      const ok = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
      const bound = target.max !== undefined ? `<= ${target.max}` : `>= ${target.min}`;
      verdict = ok ? `  ok (target ${bound})` : `  MISSED (target ${bound})`;
      if (!ok) this.misses.push(`${label}: ${format(value)} ${unit}, target ${bound}`);
    }
    process.stdout.write(`  ${label.padEnd(62)} ${format(value).padStart(10)} ${unit}${verdict}\n`);
    return value;
  }

  /** Prints the missed targets; returns how many. */
  summary(): number {
    process.stdout.write(`\n${this.misses.length === 0 ? 'All targets met.' : `Missed targets:\n  ${this.misses.join('\n  ')}`}\n`);
    return this.misses.length;
  }
}

function format(v: number): string {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}
