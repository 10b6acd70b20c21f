import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's column totals (count, total investment, contracted 万元 per stage) for leaders, who
 * see every project: summing 100,000 projects on every board load cost more than everything else
 * the board does. project_stage_totals keeps those sums per team and stage, maintained by
 * statement-level triggers on projects that apply each statement's net change in one upsert, in
 * a fixed order (no deadlocks between bulk writes). A statement that changes no total writes
 * nothing. Two transactions changing totals of the same team and stage wait for each other's
 * commit, which at a district's rate of project changes is never felt.
 */
const TEAM_KEY = `coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid)`;
const TOTAL = 'coalesce(total_investment_wan, 0)';
const CONTRACTED = 'coalesce(contracted_wan, 0)';

export class ProjectStageTotals1795650100000 implements MigrationInterface {
  name = 'ProjectStageTotals1795650100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "project_stage_totals" (
        "team_key" uuid NOT NULL,
        "stage" "public"."project_stage" NOT NULL,
        "count" integer NOT NULL,
        "total_investment_wan" bigint NOT NULL,
        "contracted_wan" bigint NOT NULL,
        CONSTRAINT "PK_project_stage_totals" PRIMARY KEY ("team_key", "stage")
      )`);
    // Adds signed rows (+1 per project entering a team's stage, −1 per project leaving it) to the totals.
    await queryRunner.query(`
      CREATE FUNCTION lq_add_stage_totals(team_keys uuid[], stages project_stage[], ns int[], totals bigint[], contracted bigint[])
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO project_stage_totals AS t (team_key, stage, count, total_investment_wan, contracted_wan)
        SELECT team_key, stage, sum(n), sum(total), sum(contracted)
          FROM unnest(team_keys, stages, ns, totals, contracted) AS d(team_key, stage, n, total, contracted)
         GROUP BY team_key, stage
        HAVING sum(n) <> 0 OR sum(total) <> 0 OR sum(contracted) <> 0
         ORDER BY team_key, stage
        ON CONFLICT (team_key, stage) DO UPDATE
           SET count = t.count + excluded.count,
               total_investment_wan = t.total_investment_wan + excluded.total_investment_wan,
               contracted_wan = t.contracted_wan + excluded.contracted_wan
      $$`);
    // Each event's trigger has only its own transition tables, so each branch reads only those.
    await queryRunner.query(`
      CREATE FUNCTION lq_project_stage_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM lq_add_stage_totals(array_agg(${TEAM_KEY}), array_agg(stage), array_agg(1), array_agg(${TOTAL}), array_agg(${CONTRACTED}))
             FROM new_rows WHERE deleted_at IS NULL;
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM lq_add_stage_totals(array_agg(${TEAM_KEY}), array_agg(stage), array_agg(-1), array_agg(-${TOTAL}), array_agg(-${CONTRACTED}))
             FROM old_rows WHERE deleted_at IS NULL;
        ELSE
          PERFORM lq_add_stage_totals(array_agg(team_key), array_agg(stage), array_agg(n), array_agg(total), array_agg(contracted))
             FROM (SELECT ${TEAM_KEY} AS team_key, stage, 1 AS n, ${TOTAL} AS total, ${CONTRACTED} AS contracted
                     FROM new_rows WHERE deleted_at IS NULL
                   UNION ALL
                   SELECT ${TEAM_KEY}, stage, -1, -${TOTAL}, -${CONTRACTED}
                     FROM old_rows WHERE deleted_at IS NULL) delta;
        END IF;
        RETURN NULL;
      END $$`);
    // A trigger names only the transition tables its event has; the function reads only those.
    await queryRunner.query(`
      CREATE TRIGGER "TRG_project_stage_totals_insert" AFTER INSERT ON "projects"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lq_project_stage_totals()`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_project_stage_totals_update" AFTER UPDATE ON "projects"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION lq_project_stage_totals()`);
    await queryRunner.query(`
      CREATE TRIGGER "TRG_project_stage_totals_delete" AFTER DELETE ON "projects"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION lq_project_stage_totals()`);
    await queryRunner.query(`
      INSERT INTO project_stage_totals (team_key, stage, count, total_investment_wan, contracted_wan)
      SELECT ${TEAM_KEY}, stage, count(*), sum(${TOTAL}), sum(${CONTRACTED})
        FROM projects WHERE deleted_at IS NULL GROUP BY 1, 2`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "TRG_project_stage_totals_delete" ON "projects"');
    await queryRunner.query('DROP TRIGGER "TRG_project_stage_totals_update" ON "projects"');
    await queryRunner.query('DROP TRIGGER "TRG_project_stage_totals_insert" ON "projects"');
    await queryRunner.query('DROP FUNCTION lq_project_stage_totals()');
    await queryRunner.query('DROP FUNCTION lq_add_stage_totals(uuid[], project_stage[], int[], bigint[], bigint[])');
    await queryRunner.query('DROP TABLE "project_stage_totals"');
  }
}
