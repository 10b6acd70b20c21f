import { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
  'card_interest',
  'card_submitted',
  'card_approved',
  'card_returned',
  'lead_assigned',
  'follow_up_due',
  'project_stalled',
  'request_overdue',
  'request_submitted',
];

const check = (kinds: string[]) =>
  `ALTER TABLE "notifications" ADD CONSTRAINT "CHK_notifications_kind" CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`;

/** The notification kind `import_finished`: an import the user started has ended, written or refused. */
export class ImportFinishedNotification1795650200000 implements MigrationInterface {
  name = 'ImportFinishedNotification1795650200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "CHK_notifications_kind"`);
    await queryRunner.query(check([...BEFORE, 'import_finished']));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE kind = 'import_finished'`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "CHK_notifications_kind"`);
    await queryRunner.query(check(BEFORE));
  }
}
