import { MigrationInterface, QueryRunner } from "typeorm";

export class Aftercare1795638571120 implements MigrationInterface {
    name = 'Aftercare1795638571120'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "aftercare_assignments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "company_id" uuid NOT NULL,
                "aftercare_eligible" boolean NOT NULL DEFAULT false,
                "responsible_leader_id" uuid,
                "affairs_rep_id" uuid,
                CONSTRAINT "PK_8d70a397192d2be0a857dcd4a76" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_efc5504adaca19fc40f655508d" ON "aftercare_assignments" ("responsible_leader_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3c1b99a20b66f0c1be670f23bc" ON "aftercare_assignments" ("affairs_rep_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_aftercare_assignments_company" ON "aftercare_assignments" ("company_id", "updated_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "aftercare_request_links" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "company_id" uuid NOT NULL,
                "token" character varying(32) NOT NULL,
                "created_by_id" uuid,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c9368d791f219a841f8400ac286" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_107871e19da10f3ce2bfef2319" ON "aftercare_request_links" ("company_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_aftercare_request_links_token" ON "aftercare_request_links" ("token")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."cultivation_goal" AS ENUM('above_scale', 'srdi', 'listing')
        `);
        await queryRunner.query(`
            CREATE TABLE "cultivation_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "company_id" uuid NOT NULL,
                "goal" "public"."cultivation_goal" NOT NULL,
                "measures" text NOT NULL,
                "owner_id" uuid NOT NULL,
                "milestones" jsonb NOT NULL DEFAULT '[]',
                "progress" numeric(5, 4) NOT NULL DEFAULT '0',
                "next_due_on" date,
                "achieved_on" date,
                CONSTRAINT "PK_0572081d203c11da1973773f000" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8af66471f7e6e175dbb383851c" ON "cultivation_entries" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cultivation_entries_company" ON "cultivation_entries" ("company_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cultivation_entries_goal_progress" ON "cultivation_entries" ("goal", "progress", "next_due_on")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."request_category" AS ENUM(
                'land',
                'permits',
                'financing',
                'talent',
                'utilities',
                'policy',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."request_source" AS ENUM('staff', 'enterprise')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."request_status" AS ENUM(
                'open',
                'in_progress',
                'resolved',
                'confirmed',
                'escalated'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."request_escalation_reason" AS ENUM('overdue', 'manual', 'enterprise_rejected')
        `);
        await queryRunner.query(`
            CREATE TABLE "enterprise_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "company_id" uuid NOT NULL,
                "category" "public"."request_category" NOT NULL,
                "cannot_be_done" boolean NOT NULL DEFAULT false,
                "description" text NOT NULL,
                "source" "public"."request_source" NOT NULL,
                "contact_name" character varying(32),
                "contact_mobile" character varying(20),
                "org_unit_id" uuid,
                "routed_at" TIMESTAMP WITH TIME ZONE,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" "public"."request_status" NOT NULL DEFAULT 'open',
                "resolution" text,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolved_by_id" uuid,
                "escalated_at" TIMESTAMP WITH TIME ZONE,
                "escalation_reason" "public"."request_escalation_reason",
                "escalated_to_id" uuid,
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "satisfaction" smallint,
                "satisfaction_comment" text,
                "feedback_token" character varying(32),
                "feedback_used_at" TIMESTAMP WITH TIME ZONE,
                "logged_by_id" uuid,
                "logged_by_team_id" uuid,
                CONSTRAINT "CHK_enterprise_requests_satisfaction" CHECK (
                    satisfaction IS NULL
                    OR satisfaction BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_20519c8e4ec2352af206f0260fb" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_enterprise_requests_feedback_token" ON "enterprise_requests" ("feedback_token")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0a7f6926859621ac6348625c2c" ON "enterprise_requests" ("logged_by_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_enterprise_requests_created" ON "enterprise_requests" ("created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_enterprise_requests_status_due" ON "enterprise_requests" ("status", "due_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_enterprise_requests_org_unit" ON "enterprise_requests" ("org_unit_id", "status", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_enterprise_requests_company" ON "enterprise_requests" ("company_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_assignments"
            ADD CONSTRAINT "FK_d559f6a482d6f7dc2145c6a892b" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_assignments"
            ADD CONSTRAINT "FK_efc5504adaca19fc40f655508d2" FOREIGN KEY ("responsible_leader_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_assignments"
            ADD CONSTRAINT "FK_3c1b99a20b66f0c1be670f23bc4" FOREIGN KEY ("affairs_rep_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_request_links"
            ADD CONSTRAINT "FK_107871e19da10f3ce2bfef23199" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cultivation_entries"
            ADD CONSTRAINT "FK_eb1d8e2fb399e659561ce7dfd12" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cultivation_entries"
            ADD CONSTRAINT "FK_8af66471f7e6e175dbb383851cb" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enterprise_requests"
            ADD CONSTRAINT "FK_e2158f6e0d756b2538fb6e8a466" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enterprise_requests"
            ADD CONSTRAINT "FK_e5d5d69432006ced3ef5d7165a2" FOREIGN KEY ("org_unit_id") REFERENCES "org_units"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enterprise_requests"
            ADD CONSTRAINT "FK_0a7f6926859621ac6348625c2cc" FOREIGN KEY ("logged_by_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enterprise_requests" DROP CONSTRAINT "FK_0a7f6926859621ac6348625c2cc"
        `);
        await queryRunner.query(`
            ALTER TABLE "enterprise_requests" DROP CONSTRAINT "FK_e5d5d69432006ced3ef5d7165a2"
        `);
        await queryRunner.query(`
            ALTER TABLE "enterprise_requests" DROP CONSTRAINT "FK_e2158f6e0d756b2538fb6e8a466"
        `);
        await queryRunner.query(`
            ALTER TABLE "cultivation_entries" DROP CONSTRAINT "FK_8af66471f7e6e175dbb383851cb"
        `);
        await queryRunner.query(`
            ALTER TABLE "cultivation_entries" DROP CONSTRAINT "FK_eb1d8e2fb399e659561ce7dfd12"
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_request_links" DROP CONSTRAINT "FK_107871e19da10f3ce2bfef23199"
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_assignments" DROP CONSTRAINT "FK_3c1b99a20b66f0c1be670f23bc4"
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_assignments" DROP CONSTRAINT "FK_efc5504adaca19fc40f655508d2"
        `);
        await queryRunner.query(`
            ALTER TABLE "aftercare_assignments" DROP CONSTRAINT "FK_d559f6a482d6f7dc2145c6a892b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_enterprise_requests_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_enterprise_requests_org_unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_enterprise_requests_status_due"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_enterprise_requests_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0a7f6926859621ac6348625c2c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_enterprise_requests_feedback_token"
        `);
        await queryRunner.query(`
            DROP TABLE "enterprise_requests"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."request_escalation_reason"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."request_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."request_source"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."request_category"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cultivation_entries_goal_progress"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cultivation_entries_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8af66471f7e6e175dbb383851c"
        `);
        await queryRunner.query(`
            DROP TABLE "cultivation_entries"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."cultivation_goal"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_aftercare_request_links_token"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_107871e19da10f3ce2bfef2319"
        `);
        await queryRunner.query(`
            DROP TABLE "aftercare_request_links"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_aftercare_assignments_company"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3c1b99a20b66f0c1be670f23bc"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_efc5504adaca19fc40f655508d"
        `);
        await queryRunner.query(`
            DROP TABLE "aftercare_assignments"
        `);
    }

}
