import { MigrationInterface, QueryRunner } from "typeorm";

/** Spent refresh tokens, remembered so that a second use ends the session (the token was copied). */
export class RefreshTokenReuse1796688690308 implements MigrationInterface {
    name = 'RefreshTokenReuse1796688690308'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "rotated_refresh_tokens" (
                "token_hash" character varying(64) NOT NULL,
                "session_id" uuid NOT NULL,
                "rotated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_aba80a457512630ab303e00ed28" PRIMARY KEY ("token_hash")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c24b9ff128df2974d75b990a00" ON "rotated_refresh_tokens" ("session_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "rotated_refresh_tokens"
            ADD CONSTRAINT "FK_c24b9ff128df2974d75b990a00e" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "rotated_refresh_tokens" DROP CONSTRAINT "FK_c24b9ff128df2974d75b990a00e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c24b9ff128df2974d75b990a00"
        `);
        await queryRunner.query(`
            DROP TABLE "rotated_refresh_tokens"
        `);
    }

}
