/**
 * npm run seed:scale -- [--leads 1000000] [--companies N] [--projects N] [--activities N] [--database lianqiao_scale]
 *
 * Fills a database with a realistic, reproducible data set at scale for benchmarks: by default
 * 1,000,000 leads, 200,000 companies across provinces, 100,000 projects over every stage and
 * 3,000,000 activities. Rows are generated inside PostgreSQL (generate_series with a fixed seed), and
 * secondary indexes are dropped during the load and rebuilt after, so it takes minutes.
 * Uses DATABASE_URL's server when set, else an embedded one under .data/bench-pg.
 */
import { seedScale, parseScaleArgs } from './seed-scale';

seedScale(parseScaleArgs(process.argv.slice(2)), (line) => console.log(line)).then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
