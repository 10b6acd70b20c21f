import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board sums investment per stage over every visible project. A covering partial index lets
 * PostgreSQL answer that from the index alone (index-only scan) instead of reading each row.
 */
export class BoardTotalsIndex1795638467561 implements MigrationInterface {
  name = 'BoardTotalsIndex1795638467561';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_projects_stage_totals" ON "projects" ("stage") INCLUDE ("total_investment_wan", "contracted_wan") WHERE "deleted_at" IS NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_projects_stage_totals"');
  }
}
