import { MigrationInterface, QueryRunner } from "typeorm";

export class DuplicateDismissal1796107878978 implements MigrationInterface {
    name = 'DuplicateDismissal1796107878978'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "duplicate_dismissal" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "review" character varying(200) NOT NULL DEFAULT '',
                "first_id" uuid NOT NULL,
                "second_id" uuid NOT NULL,
                "dismissed_by" character varying(100),
                "reason" character varying(500),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ebb204f3503b86eb8b6f78af10a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_9fb8e93454f9efd6b7fab35d44" ON "duplicate_dismissal" ("first_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c9b6c8cf2b847c08991c471ce3" ON "duplicate_dismissal" ("second_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_duplicate_dismissal_pair" ON "duplicate_dismissal" ("review", "first_id", "second_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."UQ_duplicate_dismissal_pair"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c9b6c8cf2b847c08991c471ce3"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_9fb8e93454f9efd6b7fab35d44"
        `);
        await queryRunner.query(`
            DROP TABLE "duplicate_dismissal"
        `);
    }

}
