import { MigrationInterface, QueryRunner } from "typeorm";

export class RoadshowsDelegations1795638636493 implements MigrationInterface {
    name = 'RoadshowsDelegations1795638636493'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."roadshow_format" AS ENUM('offline', 'online', 'hybrid')
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshows" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "name" character varying(200) NOT NULL,
                "city" character varying(32) NOT NULL,
                "venue" character varying(200),
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "format" "public"."roadshow_format" NOT NULL,
                "hosts" text array NOT NULL DEFAULT '{}',
                "chain_codes" text array NOT NULL DEFAULT '{}',
                "budget_wan" bigint,
                "promo_project_ids" uuid array NOT NULL DEFAULT '{}',
                "notes" text,
                "owner_id" uuid NOT NULL,
                "team_id" uuid,
                CONSTRAINT "PK_c0590df21d7683ca8109645d77f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_roadshows_owner" ON "roadshows" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_roadshows_team_starts" ON "roadshows" ("team_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_roadshows_starts" ON "roadshows" ("starts_at", "id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."roadshow_attendee_status" AS ENUM('invited', 'confirmed', 'declined')
        `);
        await queryRunner.query(`
            CREATE TABLE "roadshow_attendees" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "roadshow_id" uuid NOT NULL,
                "company_id" uuid NOT NULL,
                "contact_id" uuid,
                "status" "public"."roadshow_attendee_status" NOT NULL DEFAULT 'invited',
                "checked_in_at" TIMESTAMP WITH TIME ZONE,
                "note" character varying(500),
                CONSTRAINT "PK_66684e693b49aa495102d45076a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ceae0712d3ffd7d43d9781f605" ON "roadshow_attendees" ("company_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_roadshow_attendees_roadshow" ON "roadshow_attendees" ("roadshow_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."delegation_direction" AS ENUM('outbound', 'inbound')
        `);
        await queryRunner.query(`
            CREATE TABLE "delegations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "direction" "public"."delegation_direction" NOT NULL,
                "name" character varying(200) NOT NULL,
                "cities" text array NOT NULL DEFAULT '{}',
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "member_ids" uuid array NOT NULL DEFAULT '{}',
                "leader_id" uuid,
                "purpose" text,
                "owner_id" uuid NOT NULL,
                "team_id" uuid,
                CONSTRAINT "PK_01f9fbbc9b3bf52236a4e951b19" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_delegations_owner" ON "delegations" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_delegations_team_starts" ON "delegations" ("team_id", "starts_on")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_delegations_starts" ON "delegations" ("starts_on", "id")
        `);
        await queryRunner.query(`
            CREATE TABLE "delegation_visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "delegation_id" uuid NOT NULL,
                "company_id" uuid NOT NULL,
                "visited_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "met_with" character varying(500),
                "contact_ids" uuid array NOT NULL DEFAULT '{}',
                "summary" text,
                "result" text,
                "next_step" text,
                "activity_id" uuid,
                "lead_id" uuid,
                CONSTRAINT "PK_8223b6d23fd1a9bf54932048e13" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f8a901a62e6e9d841b61331810" ON "delegation_visits" ("company_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ba29e4fa7b029a066bde9b7818" ON "delegation_visits" ("lead_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_delegation_visits_delegation" ON "delegation_visits" ("delegation_id", "visited_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshows"
            ADD CONSTRAINT "FK_bdd4ee32b5e0b2fbe5e1096bd60" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_attendees"
            ADD CONSTRAINT "FK_9113904ffa94897b54924e8db34" FOREIGN KEY ("roadshow_id") REFERENCES "roadshows"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_attendees"
            ADD CONSTRAINT "FK_ceae0712d3ffd7d43d9781f605f" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_attendees"
            ADD CONSTRAINT "FK_a716c86de5f5ad00e424cc1d708" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegations"
            ADD CONSTRAINT "FK_5e1401f48e5dfa72032b6e60e17" FOREIGN KEY ("leader_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegations"
            ADD CONSTRAINT "FK_33d99c65509806dfe0a8d686b5c" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_visits"
            ADD CONSTRAINT "FK_12539de26fbe7acb8270cde9860" FOREIGN KEY ("delegation_id") REFERENCES "delegations"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_visits"
            ADD CONSTRAINT "FK_f8a901a62e6e9d841b613318109" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "delegation_visits" DROP CONSTRAINT "FK_f8a901a62e6e9d841b613318109"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegation_visits" DROP CONSTRAINT "FK_12539de26fbe7acb8270cde9860"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegations" DROP CONSTRAINT "FK_33d99c65509806dfe0a8d686b5c"
        `);
        await queryRunner.query(`
            ALTER TABLE "delegations" DROP CONSTRAINT "FK_5e1401f48e5dfa72032b6e60e17"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_attendees" DROP CONSTRAINT "FK_a716c86de5f5ad00e424cc1d708"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_attendees" DROP CONSTRAINT "FK_ceae0712d3ffd7d43d9781f605f"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshow_attendees" DROP CONSTRAINT "FK_9113904ffa94897b54924e8db34"
        `);
        await queryRunner.query(`
            ALTER TABLE "roadshows" DROP CONSTRAINT "FK_bdd4ee32b5e0b2fbe5e1096bd60"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_delegation_visits_delegation"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ba29e4fa7b029a066bde9b7818"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f8a901a62e6e9d841b61331810"
        `);
        await queryRunner.query(`
            DROP TABLE "delegation_visits"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_delegations_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_delegations_team_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_delegations_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "delegations"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."delegation_direction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_roadshow_attendees_roadshow"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ceae0712d3ffd7d43d9781f605"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshow_attendees"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."roadshow_attendee_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_roadshows_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_roadshows_team_starts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_roadshows_owner"
        `);
        await queryRunner.query(`
            DROP TABLE "roadshows"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."roadshow_format"
        `);
    }

}
