import * as vscode from 'vscode';

/** The extension's log: one output channel ("Prompt Auditor"). Errors go here, never to an unhandled rejection. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** How many of the latest errors are kept in memory (the API's loggedErrors(), for tests and bug reports). */
const RECENT_ERRORS = 50;

export type ExtensionLog = Log & vscode.Disposable & { channel: vscode.LogOutputChannel; recentErrors(): string[] };

export function createLog(): ExtensionLog {
  const channel = vscode.window.createOutputChannel('Prompt Auditor', { log: true });
  const errors: string[] = [];
  return {
    channel,
    info: (m) => channel.info(m),
    warn: (m) => channel.warn(m),
    error: (m) => {
      channel.error(m);
      errors.push(m);
      if (errors.length > RECENT_ERRORS) errors.shift();
    },
    recentErrors: () => [...errors],
    dispose: () => channel.dispose(),
  };
}

export function describeError(err: unknown): string {
  return err instanceof Error ? err.stack ?? err.message : String(err);
}

/**
 * Wraps an event handler or command so nothing it throws or rejects escapes: the error is logged with what was
 * being done. Returns the handler's value (undefined on failure).
 */
export function guarded<A extends unknown[], R>(log: Log, what: string, fn: (...args: A) => R | Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      log.error(`${what} failed: ${describeError(err)}`);
      return undefined;
    }
  };
}

/** Fire-and-forget with logging, for promises nobody awaits. */
export function background(log: Log, what: string, promise: Promise<unknown>): void {
  promise.catch((err: unknown) => log.error(`${what} failed: ${describeError(err)}`));
}
