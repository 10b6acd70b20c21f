import { keysetJsonPage, keysetPage } from '../src/common/pagination/keyset';
import { Lead } from '../src/modules/leads/lead.entity';
import { TestApp } from './harness';

/**
 * A list whose page query fails: the count started beside it fails too, and that rejection must
 * reach someone. Left unhandled it ended the whole process (any list, any bad filter, any database
 * blip), so the request's own error must be the only outcome.
 */
describe('a list query that fails', () => {
  let t: TestApp;
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    t = await TestApp.start('list_failure');
    process.on('unhandledRejection', record);
  });
  afterAll(async () => {
    process.off('unhandledRejection', record);
    await t.close();
  });

  /** A filter PostgreSQL refuses when it runs (an impossible date), so the page and the count both fail. */
  const failing = () =>
    t.dataSource
      .getRepository(Lead)
      .createQueryBuilder('lead')
      .where('lead.created_at >= CAST(:from AS date)', { from: '2026-02-30' });
  const options = {
    alias: 'lead',
    column: 'lead.created_at',
    sort: { field: 'createdAt', direction: 'desc' as const },
  };

  it.each([
    [
      'keysetPage',
      () =>
        keysetPage(failing(), { ...options, valueOf: (lead: Lead) => lead.createdAt, map: (lead: Lead) => lead.id }),
    ],
    ['keysetJsonPage', () => keysetJsonPage(failing(), { ...options, item: "json_build_object('id', lead.id)" })],
  ])('%s rejects with the query’s error and leaves no unhandled rejection', async (_name, run) => {
    await expect(run()).rejects.toMatchObject({ code: '22008' });
    // The count runs on a connection of its own: give it time to fail as well.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unhandled).toEqual([]);
  });
});
