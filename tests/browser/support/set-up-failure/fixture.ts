import { writeFileSync } from 'node:fs';
import { consoleSuite } from '../suite';

/**
 * A browser suite whose browser cannot start (CHROMIUM_PATH names a file that is not executable),
 * run by set-up-failure.e2e.ts in a jest of its own. It writes what its set-up had registered when
 * it failed to FIXTURE_REPORT, so the outer test knows the server had got as far as running.
 */
describe('a suite whose browser does not launch', () => {
  const suite = consoleSuite();

  beforeAll(async () => {
    try {
      await suite.start(process.env.FIXTURE_LABEL!);
    } catch (error) {
      writeFileSync(
        process.env.FIXTURE_REPORT!,
        JSON.stringify({ registered: suite.resources.registered, error: (error as Error).message }),
      );
      throw error;
    }
  });

  it('never gets here', () => undefined);
});
