/**
 * node -r @swc-node/register tests/bench/card/main.ts [--duration 10] [--connections 50]
 *
 * The card page alone: DATABASE_URL's server, or an embedded PostgreSQL under .data/bench-pg.
 * Writes bench/results/card.json and bench/results/card.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scaleServer } from '../../../tools/seed-scale/seed-scale';
import { cardMarkdown, runCardBench } from './card-bench';

export { cardMarkdown, runCardBench, type CardBenchResult } from './card-bench';

const RESULTS = join(__dirname, '..', '..', '..', 'bench', 'results');

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const load = { connections: flag('connections', 50), durationSeconds: flag('duration', 10) };
  const { serverUrl, stop } = await scaleServer();
  try {
    console.log('Card page:');
    const result = await runCardBench(serverUrl, load, (line) => console.log(line));
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'card.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(RESULTS, 'card.md'), cardMarkdown(result));
    console.log(`\n${cardMarkdown(result)}\nFigures written to ${RESULTS}`);
  } finally {
    await stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
