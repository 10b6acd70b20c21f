import { MigrationInterface, QueryRunner } from "typeorm";

export class PromoCardsNotifications1795636748992 implements MigrationInterface {
    name = 'PromoCardsNotifications1795636748992'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."promo_kind" AS ENUM(
                'land',
                'standard_factory',
                'chain_project',
                'district_intro'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."promo_status" AS ENUM(
                'draft',
                'in_review',
                'published',
                'paused',
                'unpublished'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."promo_review_state" AS ENUM('clean', 'editing', 'in_review', 'returned')
        `);
        await queryRunner.query(`
            CREATE TABLE "promo_projects" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "deleted_at" TIMESTAMP WITH TIME ZONE,
                "version" integer NOT NULL DEFAULT '1',
                "kind" "public"."promo_kind" NOT NULL,
                "title" character varying(60) NOT NULL,
                "summary" character varying(300) NOT NULL DEFAULT '',
                "chain_node_ids" uuid array NOT NULL DEFAULT '{}',
                "location" character varying(120),
                "land_mu" numeric(12, 2),
                "floor_area_m2" integer,
                "investment_scale_wan" integer,
                "advantages" text NOT NULL DEFAULT '',
                "policies" text NOT NULL DEFAULT '',
                "contact_name" character varying(32),
                "contact_phone" character varying(32),
                "cover_image_id" uuid,
                "gallery_image_ids" uuid array NOT NULL DEFAULT '{}',
                "status" "public"."promo_status" NOT NULL DEFAULT 'draft',
                "review_state" "public"."promo_review_state" NOT NULL DEFAULT 'editing',
                "review_comment" character varying(500),
                "slug" character varying(16) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "owner_id" uuid NOT NULL,
                "team_id" uuid,
                "live_version_id" uuid,
                "live_version_number" integer,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by_id" uuid,
                CONSTRAINT "PK_17dca5b604ad4cf8bc6f60bea66" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_2c568540e4c61dfb5e7d910274" ON "promo_projects" ("slug")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_d3409c4c15eb627294a2cc82b9" ON "promo_projects" ("owner_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_026d345ac013bfafa048187f84" ON "promo_projects" ("status")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_3b828fcf999cd60a62410e2709" ON "promo_projects" ("team_id", "updated_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "promo_images" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "promo_project_id" uuid NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "source_type" character varying(32) NOT NULL,
                "source_bytes" integer NOT NULL,
                "uploaded_by_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_db956333c6374f0363ed5a9db40" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_cae331e13676f532f0dfce9902" ON "promo_images" ("promo_project_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "promo_image_variants" (
                "image_id" uuid NOT NULL,
                "size" character varying(8) NOT NULL,
                "width" integer NOT NULL,
                "height" integer NOT NULL,
                "bytes" bytea NOT NULL,
                CONSTRAINT "PK_65b9d18f59068124c129f3fd823" PRIMARY KEY ("image_id", "size")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "promo_project_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "promo_project_id" uuid NOT NULL,
                "number" integer NOT NULL,
                "content" jsonb NOT NULL,
                "submitted_by_id" uuid,
                "approved_by_id" uuid NOT NULL,
                "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f3e31da601d3451c3768ee5698d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_449fdd138df91be7fa499157e9" ON "promo_project_versions" ("promo_project_id", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "card_interests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "promo_project_id" uuid NOT NULL,
                "name" character varying(32) NOT NULL,
                "company" character varying(100) NOT NULL,
                "mobile" character varying(11) NOT NULL,
                "message" text,
                "referral_code" character varying(16),
                "referrer_id" uuid,
                "owner_id" uuid NOT NULL,
                "lead_id" uuid,
                "submission_count" integer NOT NULL DEFAULT '1',
                "last_submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a9373035af0321a2c2bf4564667" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c2a17feef28acc9c026e1e1ffb" ON "card_interests" ("owner_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_09c63bdd0a562e2a5c74a57a48" ON "card_interests" ("promo_project_id", "mobile", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "card_opens" (
                "id" BIGSERIAL NOT NULL,
                "promo_project_id" uuid NOT NULL,
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "referral_code" character varying(16),
                "visitor_hash" character(32) NOT NULL,
                "wechat" boolean NOT NULL,
                "mobile" boolean NOT NULL,
                CONSTRAINT "PK_b733150802a8de9bdcf9b99536d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_982a800d44e7ee597f8d3f4e04" ON "card_opens" ("promo_project_id", "opened_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "card_visitor_salts" (
                "day" date NOT NULL,
                "salt" character varying(64) NOT NULL,
                CONSTRAINT "PK_cbd124ab898262919d435661a9b" PRIMARY KEY ("day")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "kind" character varying(40) NOT NULL,
                "title" character varying(200) NOT NULL,
                "body" text,
                "link" character varying(500) NOT NULL,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_notifications_kind" CHECK (
                    kind IN (
                        'card_interest',
                        'card_submitted',
                        'card_approved',
                        'card_returned',
                        'lead_assigned',
                        'follow_up_due',
                        'project_stalled',
                        'request_overdue'
                    )
                ),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_notifications_unread" ON "notifications" ("user_id")
            WHERE read_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dc31b33b2a539bc9e96d9b28b3" ON "notifications" ("user_id", "created_at", "id")
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_projects"
            ADD CONSTRAINT "FK_d3409c4c15eb627294a2cc82b9f" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_projects"
            ADD CONSTRAINT "FK_a9db04d5826d63bafbfdba0cd4e" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_images"
            ADD CONSTRAINT "FK_cae331e13676f532f0dfce9902c" FOREIGN KEY ("promo_project_id") REFERENCES "promo_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_image_variants"
            ADD CONSTRAINT "FK_a068b6c74524912fbfe589f3328" FOREIGN KEY ("image_id") REFERENCES "promo_images"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_project_versions"
            ADD CONSTRAINT "FK_cfc9d2e740e74a8f3b2724fac0d" FOREIGN KEY ("promo_project_id") REFERENCES "promo_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "card_interests"
            ADD CONSTRAINT "FK_61733cfd0fab5247f102164277d" FOREIGN KEY ("promo_project_id") REFERENCES "promo_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "card_interests"
            ADD CONSTRAINT "FK_1cc0045eade62da56406aa449e1" FOREIGN KEY ("referrer_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "card_interests"
            ADD CONSTRAINT "FK_f75ae876e250eb177c2e235478a" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "card_opens"
            ADD CONSTRAINT "FK_33ab20d28218c289946cb80e492" FOREIGN KEY ("promo_project_id") REFERENCES "promo_projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
        await queryRunner.query(`
            ALTER TABLE "card_opens" DROP CONSTRAINT "FK_33ab20d28218c289946cb80e492"
        `);
        await queryRunner.query(`
            ALTER TABLE "card_interests" DROP CONSTRAINT "FK_f75ae876e250eb177c2e235478a"
        `);
        await queryRunner.query(`
            ALTER TABLE "card_interests" DROP CONSTRAINT "FK_1cc0045eade62da56406aa449e1"
        `);
        await queryRunner.query(`
            ALTER TABLE "card_interests" DROP CONSTRAINT "FK_61733cfd0fab5247f102164277d"
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_project_versions" DROP CONSTRAINT "FK_cfc9d2e740e74a8f3b2724fac0d"
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_image_variants" DROP CONSTRAINT "FK_a068b6c74524912fbfe589f3328"
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_images" DROP CONSTRAINT "FK_cae331e13676f532f0dfce9902c"
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_projects" DROP CONSTRAINT "FK_a9db04d5826d63bafbfdba0cd4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "promo_projects" DROP CONSTRAINT "FK_d3409c4c15eb627294a2cc82b9f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dc31b33b2a539bc9e96d9b28b3"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_notifications_unread"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "card_visitor_salts"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_982a800d44e7ee597f8d3f4e04"
        `);
        await queryRunner.query(`
            DROP TABLE "card_opens"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_09c63bdd0a562e2a5c74a57a48"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c2a17feef28acc9c026e1e1ffb"
        `);
        await queryRunner.query(`
            DROP TABLE "card_interests"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_449fdd138df91be7fa499157e9"
        `);
        await queryRunner.query(`
            DROP TABLE "promo_project_versions"
        `);
        await queryRunner.query(`
            DROP TABLE "promo_image_variants"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_cae331e13676f532f0dfce9902"
        `);
        await queryRunner.query(`
            DROP TABLE "promo_images"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_3b828fcf999cd60a62410e2709"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_026d345ac013bfafa048187f84"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_d3409c4c15eb627294a2cc82b9"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_2c568540e4c61dfb5e7d910274"
        `);
        await queryRunner.query(`
            DROP TABLE "promo_projects"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."promo_review_state"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."promo_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."promo_kind"
        `);
    }

}
