/** Where a command writes, so tests can capture it; `processIO()` is the real terminal. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal that takes colours. */
  color: boolean;
  /** Terminal width when stdout is a terminal (long lines are wrapped); unset otherwise. */
  width?: number;
}

export function processIO(): CommandIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    width: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

/** All of standard input (`FILE` given as `-`). */
export async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
