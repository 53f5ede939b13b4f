/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts in one process and prints each figure with its target and,
 * where there is one, its ratio against a reference measured in the same run (so machine load cancels out).
 * Usage: npm run bench [-- <name filter>]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Bench } from './bench/harness';

async function main(): Promise<void> {
  const filter = process.argv[2];
  const dir = join(__dirname, 'bench');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  const bench = new Bench();
  for (const file of files) {
    const mod = (await import(join(dir, file))) as { default: (b: Bench) => Promise<void> };
    bench.section(file.replace(/\.bench\.ts$/, ''));
    await mod.default(bench);
  }
  const failed = bench.summary();
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
