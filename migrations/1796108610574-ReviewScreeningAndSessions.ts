import { MigrationInterface, QueryRunner } from "typeorm";

export class ReviewScreeningAndSessions1796108610574 implements MigrationInterface {
    name = 'ReviewScreeningAndSessions1796108610574'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "browser_session" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" character(64) NOT NULL,
                "principal_name" character varying(100) NOT NULL,
                "role" character varying(16) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_302115be515504c021577b4d237" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_6d07672e5a9211f5ff1904a780" ON "browser_session" ("token_hash")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ccb39a2fe847e8e1eb3ebe11e2" ON "browser_session" ("expires_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "review" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "question" text,
                "keywords" text array NOT NULL DEFAULT '{}',
                "exclusion_reasons" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_2e4299a343a81574217255c00ca" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_45feb9dc9334e33bcc8b240dbc" ON "review" ("name")
        `);
        await queryRunner.query(`
            CREATE TABLE "screening_decision" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "review" character varying(200) NOT NULL,
                "publication_id" uuid NOT NULL,
                "reviewer" character varying(100) NOT NULL,
                "decision" character varying(16) NOT NULL,
                "reason" character varying(64),
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6b383eec537d87a0df1e6b95388" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f3b258a7142ed696a909cf2554" ON "screening_decision" ("publication_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_fe547f5a12f433c2b77119f457" ON "screening_decision" ("review", "publication_id", "reviewer")
        `);
        await queryRunner.query(`
            CREATE TABLE "screening_resolution" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "review" character varying(200) NOT NULL,
                "publication_id" uuid NOT NULL,
                "decision" character varying(16) NOT NULL,
                "reason" character varying(64),
                "note" text,
                "resolved_by" character varying(100) NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_71ccb043b1307ad083a1a48e76d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_b8a87e565a4c88d8ebd1901d58" ON "screening_resolution" ("publication_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_1fec732a0dbd6fc40999d55afb" ON "screening_resolution" ("review", "publication_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "search_publication_document"
            ADD "screening_decisions" text array NOT NULL DEFAULT '{NONE}'
        `);
        // No decision exists yet: every indexed publication of a review is UNDECIDED, the others stay NONE.
        await queryRunner.query(`
            UPDATE "search_publication_document" SET "screening_decisions" = '{UNDECIDED}' WHERE "reviews" <> '{NONE}'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "search_publication_document" DROP COLUMN "screening_decisions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1fec732a0dbd6fc40999d55afb"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_b8a87e565a4c88d8ebd1901d58"
        `);
        await queryRunner.query(`
            DROP TABLE "screening_resolution"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_fe547f5a12f433c2b77119f457"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f3b258a7142ed696a909cf2554"
        `);
        await queryRunner.query(`
            DROP TABLE "screening_decision"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_45feb9dc9334e33bcc8b240dbc"
        `);
        await queryRunner.query(`
            DROP TABLE "review"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ccb39a2fe847e8e1eb3ebe11e2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6d07672e5a9211f5ff1904a780"
        `);
        await queryRunner.query(`
            DROP TABLE "browser_session"
        `);
    }

}
