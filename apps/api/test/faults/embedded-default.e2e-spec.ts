import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, isAlive, login, startServer, tempDir, timed, type Server } from './fault-support';

const postmasterPid = (dataDir: string): number =>
  Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

/**
 * The default a newcomer runs (no DATABASE_URL: the server's own embedded PostgreSQL). Its
 * PostgreSQL killed: the server says so and restarts it, and serves again. The server itself killed
 * with SIGKILL (as the OOM killer does), leaving its PostgreSQL running: the next start stops that
 * orphan and comes up on the same data.
 */
describe('the embedded PostgreSQL', () => {
  const dataDir = tempDir('embedded');
  let server: Server | undefined;

  afterAll(async () => {
    await server?.stop();
    // Whatever a failed run left behind.
    if (existsSync(join(dataDir, 'pg', 'postmaster.pid'))) {
      const pid = postmasterPid(dataDir);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('killed under the server: logged, restarted, serving again in the same process', async () => {
    server = await startServer({ DATABASE_URL: undefined }, { dataDir });
    const token = await login(server.baseUrl);
    const before = postmasterPid(dataDir);

    process.kill(before, 'SIGKILL');
    await eventually(async () => /embedded PostgreSQL restarted/.test(server!.output()), 30_000, 'the restart');
    expect(server.output()).toMatch(
      new RegExp(`embedded PostgreSQL \\(pid ${before}\\) killed by SIGKILL; restarting it`),
    );
    await eventually(
      async () => (await timed(server!.baseUrl, '/api/leads', { token })).status === 200,
      15_000,
      'the lead list after the restart',
    );
    expect(postmasterPid(dataDir)).not.toBe(before);
    expect(server.child.exitCode).toBeNull();
  });

  it('left running by a server killed with SIGKILL: the next start stops it and comes up on the same data', async () => {
    const orphan = postmasterPid(dataDir);
    server!.child.kill('SIGKILL');
    await server!.exited;
    expect(isAlive(orphan)).toBe(true);

    server = await startServer({ DATABASE_URL: undefined }, { dataDir });
    expect(server.output()).toMatch(
      new RegExp(
        `PostgreSQL \\(pid ${orphan}\\) is still running on .*, left by a Lianqiao process that was killed; stopping it`,
      ),
    );
    expect(isAlive(orphan)).toBe(false);
    // The same database: the admin made on the first start signs in; no new admin was made.
    await login(server.baseUrl);
    expect(server.output()).not.toMatch(/First admin login/);

    const running = postmasterPid(dataDir);
    const stopped = await server.stop();
    expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
    expect(isAlive(running)).toBe(false);
    server = undefined;
  });

  it('killed again and again: after five restarts in ten minutes the server gives up, says why and exits 1', async () => {
    server = await startServer({ DATABASE_URL: undefined }, { dataDir });
    for (let restart = 1; restart <= 5; restart++) {
      process.kill(postmasterPid(dataDir), 'SIGKILL');
      const restarts = () => server!.output().match(/embedded PostgreSQL restarted/g)?.length ?? 0;
      await eventually(async () => restarts() === restart, 30_000, `restart ${restart}`);
    }
    process.kill(postmasterPid(dataDir), 'SIGKILL');
    const { code } = await server.exited;
    expect(code).toBe(1);
    expect(server.output()).toMatch(/killed by SIGKILL, the 6th time in 10 minutes: not restarting it/);
    // Through the one shutdown path, not cut off by its deadline.
    expect(server.output()).toMatch(/the embedded PostgreSQL is gone: shutting down/);
    expect(server.output()).not.toMatch(/shutdown took longer/);
    server = undefined;
  });
});
