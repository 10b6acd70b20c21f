import { MigrationInterface, QueryRunner } from "typeorm";

/** import_files: an upload kept in the database until checked, so any instance can run its import and a crash leaves no file behind. */
export class ImportFiles1796689567387 implements MigrationInterface {
    name = 'ImportFiles1796689567387'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "import_files" (
                "import_id" uuid NOT NULL,
                "part" integer NOT NULL,
                "data" bytea NOT NULL,
                CONSTRAINT "PK_37509a146393c7e4dac445782f9" PRIMARY KEY ("import_id", "part")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "import_files"
            ADD CONSTRAINT "FK_88118b2837ddc1d5863d814e1dc" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_files" DROP CONSTRAINT "FK_88118b2837ddc1d5863d814e1dc"
        `);
        await queryRunner.query(`
            DROP TABLE "import_files"
        `);
    }

}
