import { MigrationInterface, QueryRunner } from "typeorm";

export class CoreCrm1795635982586 implements MigrationInterface {
    name = 'CoreCrm1795635982586'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "chains" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "code" character varying(48) NOT NULL,
                "name" character varying(64) NOT NULL,
                "kind" character varying(16) NOT NULL DEFAULT 'sector',
                "sort_order" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_f3c6ca7e7ad0f451e3b8f3dd378" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_96cc20d6e67fc87b148212f6f4" ON "chains" ("code")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."chain_layer" AS ENUM('upstream', 'midstream', 'downstream')
        `);
        await queryRunner.query(`
            CREATE TABLE "chain_nodes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "chain_id" uuid NOT NULL,
                "parent_id" uuid,
                "name" character varying(64) NOT NULL,
                "layer" "public"."chain_layer",
                "sort_order" integer NOT NULL DEFAULT '0',
                CONSTRAINT "PK_684ba69a1d1a65628aa467279b7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_12d0b4bd725e58444073de3fd1" ON "chain_nodes" ("chain_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_79b65d10e00bc4c2beb9c37a82" ON "chain_nodes" ("chain_id", "parent_id", "name")
            WHERE deleted_at IS NULL
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."ownership_type" AS ENUM(
                'central_soe',
                'local_soe',
                'private',
                'foreign',
                'hmt',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "companies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "name" character varying(200) NOT NULL,
                "normalized_name" character varying(200) NOT NULL,
                "uscc" character varying(18),
                "ownership" "public"."ownership_type",
                "province" character varying(32),
                "city" character varying(32),
                "chain_node_ids" uuid array NOT NULL DEFAULT '{}',
                "tags" text array NOT NULL DEFAULT '{}',
                "website" character varying(255),
                "notes" text,
                "is_target" boolean NOT NULL DEFAULT false,
                "is_chain_leader" boolean NOT NULL DEFAULT false,
                "merged_into_id" uuid,
                CONSTRAINT "PK_d4bc3e82a314fa9e29f652c2c22" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7365b1a49f7801ed1e062d0e01" ON "companies" ("normalized_name")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_companies_uscc" ON "companies" ("uscc")
        `);
        await queryRunner.query(`
            CREATE TABLE "contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "company_id" uuid NOT NULL,
                "name" character varying(64) NOT NULL,
                "title" character varying(64),
                "mobile" character varying(20),
                "email" character varying(128),
                "wechat" character varying(64),
                "owner_id" uuid,
                "team_id" uuid,
                CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b53945f3dfe982678bfeb5e1b4" ON "contacts" ("company_id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."subject_type" AS ENUM('company', 'lead', 'project')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."activity_kind" AS ENUM(
                'call',
                'visit',
                'meeting',
                'online_meeting',
                'wechat',
                'email',
                'reception',
                'stage_change',
                'card_scan',
                'interest',
                'note'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "activities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "subject_type" "public"."subject_type" NOT NULL,
                "subject_id" uuid NOT NULL,
                "kind" "public"."activity_kind" NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "summary" text NOT NULL,
                "next_step" text,
                "participants" character varying(500),
                "actor_id" uuid,
                "actor_name" character varying(64),
                "team_id" uuid,
                "meta" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_activities_team_occurred" ON "activities" ("team_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_activities_subject" ON "activities" ("subject_type", "subject_id", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."lead_source" AS ENUM(
                'roadshow',
                'outbound_visit',
                'inbound_visit',
                'online',
                'card_interest',
                'business_referral',
                'homecoming',
                'other'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."lead_status" AS ENUM(
                'new',
                'following',
                'qualified',
                'converted',
                'invalid'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "leads" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "name" character varying(200) NOT NULL,
                "company_id" uuid,
                "source" "public"."lead_source" NOT NULL,
                "source_ref_id" uuid,
                "status" "public"."lead_status" NOT NULL DEFAULT 'new',
                "invalid_reason" character varying(500),
                "owner_id" uuid NOT NULL,
                "team_id" uuid,
                "estimated_wan" bigint,
                "chain_node_ids" uuid array NOT NULL DEFAULT '{}',
                "next_follow_up_at" TIMESTAMP WITH TIME ZONE,
                "contact_name" character varying(64),
                "contact_mobile" character varying(20),
                "notes" text,
                "project_id" uuid,
                "first_response_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1f14eab87273052d6a45373601" ON "leads" ("company_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3fd4292d49ed2e278bb4b97609" ON "leads" ("source_ref_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_next_follow_up" ON "leads" ("owner_id", "next_follow_up_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_created" ON "leads" ("created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_status_created" ON "leads" ("status", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_owner_created" ON "leads" ("owner_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_leads_team_created" ON "leads" ("team_id", "created_at", "id")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."project_stage" AS ENUM(
                'negotiating',
                'signed',
                'registered',
                'under_construction',
                'in_production',
                'on_hold',
                'lost'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "project_stage_changes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "project_id" uuid NOT NULL,
                "from_stage" "public"."project_stage",
                "to_stage" "public"."project_stage" NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_name" character varying(64),
                "note" text,
                "reason" text,
                "evidence" jsonb,
                CONSTRAINT "PK_ef3039d1ea941a5a15e0b5dee4b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ce78eb707ae4a6f023343239a8" ON "project_stage_changes" ("project_id", "at")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."project_pipeline_stage" AS ENUM(
                'negotiating',
                'signed',
                'registered',
                'under_construction',
                'in_production'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."capital_origin" AS ENUM('domestic', 'foreign')
        `);
        await queryRunner.query(`
            CREATE TABLE "projects" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "name" character varying(200) NOT NULL,
                "code_name" character varying(100),
                "is_confidential" boolean NOT NULL DEFAULT false,
                "company_id" uuid,
                "lead_id" uuid,
                "lead_source" "public"."lead_source",
                "source_ref_id" uuid,
                "stage" "public"."project_stage" NOT NULL DEFAULT 'negotiating',
                "held_stage" "public"."project_pipeline_stage",
                "owner_id" uuid NOT NULL,
                "team_id" uuid,
                "responsible_leader_id" uuid,
                "is_key" boolean NOT NULL DEFAULT false,
                "capital_origin" "public"."capital_origin",
                "capital_source" character varying(64),
                "total_investment_wan" bigint,
                "fixed_asset_wan" bigint,
                "contracted_wan" bigint,
                "paid_in_wan" bigint,
                "projected_jobs" integer,
                "contracted_jobs" integer,
                "actual_jobs" integer,
                "land_mu" numeric(12, 2),
                "factory_area_m2" integer,
                "expected_output_wan" bigint,
                "expected_tax_wan" bigint,
                "chain_node_ids" uuid array NOT NULL DEFAULT '{}',
                "signed_at" date,
                "local_uscc" character varying(18),
                "started_at" date,
                "producing_at" date,
                "last_progress_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c8708288b8e6a060ed7b9e1a22" ON "projects" ("company_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f92749a9dcdd54f83bdde8edfd" ON "projects" ("lead_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b7a01ac848ac6a7fbc3ac4c3f9" ON "projects" ("source_ref_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4d8e88a2ad46611b93bc052df7" ON "projects" ("responsible_leader_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_projects_last_progress" ON "projects" ("last_progress_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_projects_owner" ON "projects" ("owner_id", "updated_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_projects_stage_updated" ON "projects" ("stage", "updated_at", "id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_projects_team_stage" ON "projects" ("team_id", "stage", "updated_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "chain_nodes"
            ADD CONSTRAINT "FK_12d0b4bd725e58444073de3fd18" FOREIGN KEY ("chain_id") REFERENCES "chains"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "chain_nodes"
            ADD CONSTRAINT "FK_d65503355c0b1081d07966e8518" FOREIGN KEY ("parent_id") REFERENCES "chain_nodes"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "contacts"
            ADD CONSTRAINT "FK_b53945f3dfe982678bfeb5e1b4f" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_1f14eab87273052d6a45373601c" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "leads"
            ADD CONSTRAINT "FK_4e1b2fdccce9cf66bcd9c6d2492" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD CONSTRAINT "FK_c8708288b8e6a060ed7b9e1a226" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD CONSTRAINT "FK_b1bd2fbf5d0ef67319c91acb5cf" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "projects"
            ADD CONSTRAINT "FK_4d8e88a2ad46611b93bc052df73" FOREIGN KEY ("responsible_leader_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "projects" DROP CONSTRAINT "FK_4d8e88a2ad46611b93bc052df73"
        `);
        await queryRunner.query(`
            ALTER TABLE "projects" DROP CONSTRAINT "FK_b1bd2fbf5d0ef67319c91acb5cf"
        `);
        await queryRunner.query(`
            ALTER TABLE "projects" DROP CONSTRAINT "FK_c8708288b8e6a060ed7b9e1a226"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_4e1b2fdccce9cf66bcd9c6d2492"
        `);
        await queryRunner.query(`
            ALTER TABLE "leads" DROP CONSTRAINT "FK_1f14eab87273052d6a45373601c"
        `);
        await queryRunner.query(`
            ALTER TABLE "contacts" DROP CONSTRAINT "FK_b53945f3dfe982678bfeb5e1b4f"
        `);
        await queryRunner.query(`
            ALTER TABLE "chain_nodes" DROP CONSTRAINT "FK_d65503355c0b1081d07966e8518"
        `);
        await queryRunner.query(`
            ALTER TABLE "chain_nodes" DROP CONSTRAINT "FK_12d0b4bd725e58444073de3fd18"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_projects_team_stage"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_projects_stage_updated"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_projects_owner"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_projects_last_progress"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4d8e88a2ad46611b93bc052df7"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b7a01ac848ac6a7fbc3ac4c3f9"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f92749a9dcdd54f83bdde8edfd"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c8708288b8e6a060ed7b9e1a22"
        `);
        await queryRunner.query(`
            DROP TABLE "projects"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."capital_origin"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."project_pipeline_stage"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ce78eb707ae4a6f023343239a8"
        `);
        await queryRunner.query(`
            DROP TABLE "project_stage_changes"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."project_stage"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_team_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_owner_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_status_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_leads_next_follow_up"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3fd4292d49ed2e278bb4b97609"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1f14eab87273052d6a45373601"
        `);
        await queryRunner.query(`
            DROP TABLE "leads"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."lead_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."lead_source"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_activities_subject"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_activities_team_occurred"
        `);
        await queryRunner.query(`
            DROP TABLE "activities"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."activity_kind"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."subject_type"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b53945f3dfe982678bfeb5e1b4"
        `);
        await queryRunner.query(`
            DROP TABLE "contacts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."UQ_companies_uscc"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7365b1a49f7801ed1e062d0e01"
        `);
        await queryRunner.query(`
            DROP TABLE "companies"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."ownership_type"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_79b65d10e00bc4c2beb9c37a82"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_12d0b4bd725e58444073de3fd1"
        `);
        await queryRunner.query(`
            DROP TABLE "chain_nodes"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."chain_layer"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_96cc20d6e67fc87b148212f6f4"
        `);
        await queryRunner.query(`
            DROP TABLE "chains"
        `);
    }

}
