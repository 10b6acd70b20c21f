import { MigrationInterface, QueryRunner } from "typeorm";

/** The notification kind `request_submitted`: an enterprise sent a request through its QR form. */
export class RequestSubmittedNotification1795648850164 implements MigrationInterface {
    name = 'RequestSubmittedNotification1795648850164'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "CHK_notifications_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "CHK_notifications_kind" CHECK (
                    kind IN (
                        'card_interest',
                        'card_submitted',
                        'card_approved',
                        'card_returned',
                        'lead_assigned',
                        'follow_up_due',
                        'project_stalled',
                        'request_overdue',
                        'request_submitted'
                    )
                )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DELETE FROM "notifications" WHERE kind = 'request_submitted'
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "CHK_notifications_kind"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "CHK_notifications_kind" CHECK (
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
                )
        `);
    }

}
