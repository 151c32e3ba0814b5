import { MigrationInterface, QueryRunner } from "typeorm";

export class CurationAndPublicationSearch1796090946962 implements MigrationInterface {
    name = 'CurationAndPublicationSearch1796090946962'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "search_publication_document" (
                "publication_id" uuid NOT NULL,
                "year" integer,
                "publication_types" text array NOT NULL,
                "mesh_uis" text array NOT NULL,
                "journal" text NOT NULL,
                "language" text NOT NULL,
                "reviews" text array NOT NULL,
                "import_batch_ids" text array NOT NULL,
                "case_status" character varying(16) NOT NULL,
                "title" text NOT NULL,
                "abstract" text,
                "search_vector" tsvector NOT NULL,
                "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_7585cbc32b2be163af4b7ebae5e" PRIMARY KEY ("publication_id")
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."curation_status" AS ENUM('SUGGESTED', 'CURATED', 'REJECTED')
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report"
            ADD "curation_status" "public"."curation_status" NOT NULL DEFAULT 'CURATED'
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report"
            ADD "facts" jsonb NOT NULL DEFAULT '[]'
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report"
            ADD "extraction_rules_version" character varying(32)
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "curation_status_code" integer
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_59038f85e7f93dddbe297458b9" ON "case_report" ("curation_status")
        `);
        // Written by hand: TypeORM cannot declare a GIN index (the entity marks it synchronize: false).
        await queryRunner.query(`
            CREATE INDEX "IDX_search_publication_document_vector" ON "search_publication_document" USING GIN ("search_vector")
        `);
        // Written by hand: every publication goes through the outbox once, so an existing database gets
        // its publication index and the cases' new curation-status column without a manual reindex.
        await queryRunner.query(`
            INSERT INTO "search_outbox" ("entity_type", "entity_id") SELECT 'publication', "id" FROM "publication"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_search_publication_document_vector"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_59038f85e7f93dddbe297458b9"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "curation_status_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report" DROP COLUMN "extraction_rules_version"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report" DROP COLUMN "facts"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report" DROP COLUMN "curation_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."curation_status"
        `);
        await queryRunner.query(`
            DROP TABLE "search_publication_document"
        `);
    }

}
