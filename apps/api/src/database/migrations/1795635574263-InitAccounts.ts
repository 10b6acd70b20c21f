import { MigrationInterface, QueryRunner } from "typeorm";

export class InitAccounts1795635574263 implements MigrationInterface {
    name = 'InitAccounts1795635574263'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."org_unit_kind" AS ENUM('department', 'town', 'zone')
        `);
        await queryRunner.query(`
            CREATE TABLE "org_units" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "name" character varying(100) NOT NULL,
                "kind" "public"."org_unit_kind" NOT NULL,
                CONSTRAINT "PK_b4a19b7f3756560cd75643be5a7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_b87af9c4b968e336072ad08d0d" ON "org_units" ("name")
        `);
        await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "name" character varying(100) NOT NULL,
                "org_unit_id" uuid,
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_48c0c32e6247a2de155baeaf98" ON "teams" ("name")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."user_role" AS ENUM('admin', 'leader', 'staff')
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "username" character varying(64) NOT NULL,
                "display_name" character varying(64) NOT NULL,
                "role" "public"."user_role" NOT NULL,
                "team_id" uuid,
                "org_unit_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "password_hash" character varying(255) NOT NULL,
                "failed_login_count" integer NOT NULL DEFAULT '0',
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                "referral_code" character varying(16) NOT NULL,
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fe0bb3f6520ee0469504521e71" ON "users" ("username")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1208ee1db5ddb64b48a86b46a6" ON "users" ("team_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ba10055f9ef9690e77cf6445cb" ON "users" ("referral_code")
        `);
        await queryRunner.query(`
            CREATE TABLE "sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "refresh_token_hash" character varying(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "ip" character varying(64),
                "user_agent" character varying(255),
                CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_085d540d9f418cfbdc7bd55bb1" ON "sessions" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_d6185b2849a1e4d0c067a57ca8" ON "sessions" ("refresh_token_hash")
        `);
        await queryRunner.query(`
            CREATE TABLE "system_secrets" (
                "key" character varying(64) NOT NULL,
                "value" text NOT NULL,
                CONSTRAINT "PK_7179870a0f7fa4e60f4881e8312" PRIMARY KEY ("key")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "audit_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "entity" character varying(64) NOT NULL,
                "entity_id" uuid NOT NULL,
                "action" character varying(32) NOT NULL,
                "actor_id" uuid,
                "actor_name" character varying(128),
                "before" jsonb,
                "after" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f1254d226d43ec74d7400d87b8" ON "audit_entries" ("entity", "entity_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "FK_0df037b917a7ba367178b143e9b" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_1208ee1db5ddb64b48a86b46a61" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_758b37f4f8ca8be4ddaefa51c9e" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "sessions"
            ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_758b37f4f8ca8be4ddaefa51c9e"
        `);
        await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_1208ee1db5ddb64b48a86b46a61"
        `);
        await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "FK_0df037b917a7ba367178b143e9b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f1254d226d43ec74d7400d87b8"
        `);
        await queryRunner.query(`
            DROP TABLE "audit_entries"
        `);
        await queryRunner.query(`
            DROP TABLE "system_secrets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d6185b2849a1e4d0c067a57ca8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_085d540d9f418cfbdc7bd55bb1"
        `);
        await queryRunner.query(`
            DROP TABLE "sessions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ba10055f9ef9690e77cf6445cb"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1208ee1db5ddb64b48a86b46a6"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fe0bb3f6520ee0469504521e71"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."user_role"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_48c0c32e6247a2de155baeaf98"
        `);
        await queryRunner.query(`
            DROP TABLE "teams"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b87af9c4b968e336072ad08d0d"
        `);
        await queryRunner.query(`
            DROP TABLE "org_units"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."org_unit_kind"
        `);
    }

}
