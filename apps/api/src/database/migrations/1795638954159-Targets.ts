import { MigrationInterface, QueryRunner } from "typeorm";

export class Targets1795638954159 implements MigrationInterface {
    name = 'Targets1795638954159'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "targets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "year" integer NOT NULL,
                "team_id" uuid,
                "new_leads" integer NOT NULL DEFAULT '0',
                "projects_signed" integer NOT NULL DEFAULT '0',
                "contracted_wan" bigint NOT NULL DEFAULT '0',
                "paid_in_domestic_wan" bigint NOT NULL DEFAULT '0',
                "paid_in_foreign_wan" bigint NOT NULL DEFAULT '0',
                "projects_started" integer NOT NULL DEFAULT '0',
                "projects_in_production" integer NOT NULL DEFAULT '0',
                "notes" character varying(500),
                CONSTRAINT "PK_87084f49e9de9dd6a3e83906584" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_targets_year_district" ON "targets" ("year")
            WHERE team_id IS NULL
                AND deleted_at IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_targets_year_team" ON "targets" ("year", "team_id")
            WHERE team_id IS NOT NULL
                AND deleted_at IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "targets"
            ADD CONSTRAINT "FK_d70ba4f5c51e44e72fbd061317c" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "targets" DROP CONSTRAINT "FK_d70ba4f5c51e44e72fbd061317c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_targets_year_team"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_targets_year_district"
        `);
        await queryRunner.query(`
            DROP TABLE "targets"
        `);
    }

}
