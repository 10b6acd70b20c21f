import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reminders job walks open leads whose follow-up is due, in follow-up order, a batch at a
 * time. A partial index in that order lets each batch read only its own rows, so a backlog of
 * hundreds of thousands of overdue follow-ups costs one pass instead of a sort per batch.
 */
export class ReminderScanIndex1795650000000 implements MigrationInterface {
  name = 'ReminderScanIndex1795650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_leads_follow_up_due" ON "leads" ("next_follow_up_at", "id") WHERE "deleted_at" IS NULL AND "status" IN ('new', 'following', 'qualified')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_leads_follow_up_due"');
  }
}
