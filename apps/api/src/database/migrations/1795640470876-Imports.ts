import { MigrationInterface, QueryRunner } from "typeorm";

export class Imports1795640470876 implements MigrationInterface {
    name = 'Imports1795640470876'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."import_kind" AS ENUM('leads', 'companies', 'contacts', 'projects')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_status" AS ENUM('validating', 'writing', 'done', 'failed')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."import_format" AS ENUM('xlsx', 'csv')
        `);
        await queryRunner.query(`
            CREATE TABLE "imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" "public"."import_kind" NOT NULL,
                "status" "public"."import_status" NOT NULL DEFAULT 'validating',
                "format" "public"."import_format" NOT NULL,
                "file_name" character varying(255) NOT NULL,
                "total_rows" integer,
                "processed_rows" integer NOT NULL DEFAULT '0',
                "error_count" integer NOT NULL DEFAULT '0',
                "created_count" integer NOT NULL DEFAULT '0',
                "skipped_count" integer NOT NULL DEFAULT '0',
                "companies_created" integer NOT NULL DEFAULT '0',
                "message" text,
                "created_by_id" uuid NOT NULL,
                "team_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "finished_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_5f1be717e59578949593facfa3" ON "imports" ("created_by_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "import_errors" (
                "id" BIGSERIAL NOT NULL,
                "import_id" uuid NOT NULL,
                "row" integer NOT NULL,
                "column" character varying(100) NOT NULL,
                "message" character varying(500) NOT NULL,
                CONSTRAINT "PK_c65e36717920cb27df5578dc5ee" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ca2ad08d1e2bb6e489723d8e61" ON "import_errors" ("import_id", "row")
        `);
        await queryRunner.query(`
            CREATE TABLE "import_rows" (
                "import_id" uuid NOT NULL,
                "row_no" integer NOT NULL,
                "data" jsonb NOT NULL,
                CONSTRAINT "PK_1a970a6ec0dbdb1e761d465ea18" PRIMARY KEY ("import_id", "row_no")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "imports"
            ADD CONSTRAINT "FK_3bc7ec4d0412ccd78d82f24e3d4" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "import_errors"
            ADD CONSTRAINT "FK_9926b1b4a42a17f2792b7852176" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "import_rows"
            ADD CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_rows" DROP CONSTRAINT "FK_c175270322bf4c2e99418c2aa9f"
        `);
        await queryRunner.query(`
            ALTER TABLE "import_errors" DROP CONSTRAINT "FK_9926b1b4a42a17f2792b7852176"
        `);
        await queryRunner.query(`
            ALTER TABLE "imports" DROP CONSTRAINT "FK_3bc7ec4d0412ccd78d82f24e3d4"
        `);
        await queryRunner.query(`
            DROP TABLE "import_rows"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ca2ad08d1e2bb6e489723d8e61"
        `);
        await queryRunner.query(`
            DROP TABLE "import_errors"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_5f1be717e59578949593facfa3"
        `);
        await queryRunner.query(`
            DROP TABLE "imports"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_format"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."import_kind"
        `);
    }

}
