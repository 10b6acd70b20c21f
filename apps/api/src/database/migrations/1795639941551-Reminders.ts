import { MigrationInterface, QueryRunner } from "typeorm";

export class Reminders1795639941551 implements MigrationInterface {
    name = 'Reminders1795639941551'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "reminder_log" (
                "id" BIGSERIAL NOT NULL,
                "kind" character varying(40) NOT NULL,
                "subject_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "period" character varying(40) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c113d227b2fabdbdb73f91c7456" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_reminder_log_key" ON "reminder_log" ("kind", "subject_id", "user_id", "period")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_reminder_log_key"
        `);
        await queryRunner.query(`
            DROP TABLE "reminder_log"
        `);
    }

}
