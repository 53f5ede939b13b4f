import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Durations of work done on the extension host's thread (the "UI path": event handlers, providers). Kept as
 * max / total / count per label so the integration run can log the slowest of each, and checked against the
 * 50 ms budget there.
 */
export interface TimingStat {
  count: number;
  totalMs: number;
  maxMs: number;
}

export class UiTimings {
  private readonly stats = new Map<string, TimingStat>();

  /** `onError` receives what an event handler run through handle() threw. */
  constructor(private readonly onError: (label: string, err: unknown) => void = () => undefined) {}

  /** Runs an event handler: timed, and whatever it throws goes to onError instead of into VS Code. */
  handle(label: string, fn: () => void): void {
    try {
      this.measure(label, fn);
    } catch (err) {
      this.onError(label, err);
    }
  }

  /**
   * Runs a provider (CodeLens, hover, code actions): timed, and if it throws, the error goes to onError and VS Code
   * gets `fallback` (nothing shown) instead of an exception.
   */
  provide<T>(label: string, fallback: T, fn: () => T): T {
    try {
      return this.measure(label, fn);
    } catch (err) {
      this.onError(label, err);
      return fallback;
    }
  }

  /** Runs `fn` synchronously and records how long it held the thread. */
  measure<T>(label: string, fn: () => T): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      this.record(label, performance.now() - started);
    }
  }

  record(label: string, ms: number): void {
    const stat = this.stats.get(label) ?? { count: 0, totalMs: 0, maxMs: 0 };
    stat.count++;
    stat.totalMs += ms;
    stat.maxMs = Math.max(stat.maxMs, ms);
    this.stats.set(label, stat);
  }

  snapshot(): Record<string, TimingStat> {
    return Object.fromEntries([...this.stats].map(([label, stat]) => [label, { ...stat }]));
  }

  reset(): void {
    this.stats.clear();
  }
}

/**
 * How long the extension host's event loop was blocked, whoever blocked it (this extension, VS Code, other
 * extensions): the user-visible side of "never block the UI path". Sampled every 10 ms by Node itself.
 */
export class EventLoopDelay {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  /** Longest and 99th-percentile delay since the last reset, in ms (the 10 ms sampling interval subtracted). */
  snapshot(): { maxMs: number; p99Ms: number } {
    const toMs = (ns: number): number => Math.max(0, ns / 1e6 - 10);
    return { maxMs: toMs(this.histogram.max), p99Ms: toMs(this.histogram.percentile(99)) };
  }

  reset(): void {
    this.histogram.reset();
  }

  dispose(): void {
    this.histogram.disable();
  }
}
