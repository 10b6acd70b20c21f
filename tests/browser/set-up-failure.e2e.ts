import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from '../../tools/test-database';

// A jest of its own, which starts the built server on a shared 2-core machine.
jest.setTimeout(180_000);

const ROOT = resolve(__dirname, '..', '..');

/** The server processes still running with a data folder of this label (Linux: /proc). */
function serversOf(label: string): number[] {
  const prefix = `DATA_DIR=${join(tmpdir(), `lianqiao-browser-${label}-`)}`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8')
          .split('\0')
          .some((line) => line.startsWith(prefix));
      } catch {
        return false; // gone meanwhile, or not ours to read
      }
    })
    .map(Number);
}

async function databasesOf(label: string): Promise<string[]> {
  const client = new Client(databaseUrl(process.env.TEST_DATABASE_SERVER_URL!, 'postgres'));
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `lq_test_browser_${label}_%`,
    ]);
    return rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

const foldersOf = (label: string) =>
  readdirSync(tmpdir()).filter((name) => name.startsWith(`lianqiao-browser-${label}-`));

describe('a browser suite whose set-up fails half-way', () => {
  const label = `setup_fail_${process.pid}`;
  const scratch = mkdtempSync(join(tmpdir(), 'lianqiao-set-up-failure-'));

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('leaves no server process, test database or data folder behind', async () => {
    // Given: a "browser" that cannot be executed.
    const notExecutable = join(scratch, 'chromium');
    writeFileSync(notExecutable, 'not a browser\n', { mode: 0o644 });
    const report = join(scratch, 'report.json');

    // When: a suite starts its server and browser with it, in a jest of its own.
    const run = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--ci',
        // A leaked server keeps its jest alive: exit anyway, so that the leak is what this test finds.
        '--forceExit',
        '--config',
        join(__dirname, 'support', 'set-up-failure', 'jest.config.js'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, CHROMIUM_PATH: notExecutable, FIXTURE_LABEL: label, FIXTURE_REPORT: report },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    run.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    run.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | string>((done) => {
      const timer = setTimeout(() => {
        run.kill('SIGKILL');
        done(`no exit within 120 s:\n${output}`);
      }, 120_000);
      run.on('exit', (exitCode) => {
        clearTimeout(timer);
        done(exitCode ?? 'killed');
      });
    });

    // Then: the suite failed for the browser…
    expect({ code, launchFailed: output.includes(`could not launch ${notExecutable} (CHROMIUM_PATH)`) }).toEqual({
      code: 1,
      launchFailed: true,
    });
    // …and nothing it started is left…
    const left = { servers: serversOf(label), databases: await databasesOf(label), folders: foldersOf(label) };
    expect(left).toEqual({ servers: [], databases: [], folders: [] });
    // …though its server had been running when the set-up failed.
    const { registered } = JSON.parse(readFileSync(report, 'utf8')) as { registered: string[] };
    expect(registered).toEqual(['test database', 'data folder', 'server process']);
  });

  afterAll(async () => {
    // Should this test fail, it does not add to the leak it found.
    for (const pid of serversOf(label)) process.kill(pid, 'SIGKILL');
    for (const name of foldersOf(label)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
    const client = new Client(databaseUrl(process.env.TEST_DATABASE_SERVER_URL!, 'postgres'));
    await client.connect();
    for (const name of await databasesOf(label)) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
});
