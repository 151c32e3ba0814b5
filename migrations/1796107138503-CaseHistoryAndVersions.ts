import { MigrationInterface, QueryRunner } from "typeorm";

export class CaseHistoryAndVersions1796107138503 implements MigrationInterface {
    name = 'CaseHistoryAndVersions1796107138503'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "case_change" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_report_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "operation" character varying(32) NOT NULL,
                "path" character varying(300),
                "old_value" jsonb,
                "new_value" jsonb,
                "fields" jsonb NOT NULL DEFAULT '[]',
                "evidence" jsonb,
                "changed_by" character varying(200),
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "related_case_report_id" uuid,
                "undoes_change_id" uuid,
                CONSTRAINT "PK_25450efb7377d5a94be9b777c60" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_522d7bb2d7d4a06ce6c41df3c1" ON "case_change" ("case_report_id", "version")
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report"
            ADD "version" integer NOT NULL DEFAULT '1'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "case_report" DROP COLUMN "version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_522d7bb2d7d4a06ce6c41df3c1"
        `);
        await queryRunner.query(`
            DROP TABLE "case_change"
        `);
    }

}
