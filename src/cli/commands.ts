import { compress } from './commands/compress';
import { count } from './commands/count';
import { price } from './commands/price';
import { scan } from './commands/scan';

/** One CLI command = one file under src/cli/commands/ + one line in this registry. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Returns the process exit code. Never throws for bad input: prints a clear message and returns non-zero. */
  run(args: string[]): Promise<number>;
}

export const commands: CliCommand[] = [scan, count, price, compress];
