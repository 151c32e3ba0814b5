import { MigrationInterface, QueryRunner } from "typeorm";

export class SearchIndex1795308680454 implements MigrationInterface {
    name = 'SearchIndex1795308680454'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "search_case_document" (
                "case_report_id" uuid NOT NULL,
                "publication_id" uuid NOT NULL,
                "year" integer,
                "age_years" double precision,
                "age_group" character varying(32) NOT NULL,
                "sex" character varying(32) NOT NULL,
                "pregnancy_status" character varying(32) NOT NULL,
                "anticoagulation" character varying(32) NOT NULL,
                "outcome" character varying(32) NOT NULL,
                "has_known_outcome" boolean NOT NULL,
                "complication_ids" text array NOT NULL,
                "procedure_ids" text array NOT NULL,
                "treatment_ids" text array NOT NULL,
                "symptom_ids" text array NOT NULL,
                "publication_types" text array NOT NULL,
                "blood_patch_volumes_ml" double precision array NOT NULL,
                "onset_hours" double precision array NOT NULL,
                "title" text NOT NULL,
                "abstract" text,
                "summary" text NOT NULL,
                "details" text NOT NULL,
                "search_vector" tsvector NOT NULL,
                "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_1aaa8d37a02a81a5bf4b4480fe8" PRIMARY KEY ("case_report_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_79fc712a01f5b768bf82084949" ON "search_case_document" ("publication_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_95086fae51480809831c68284d" ON "search_case_document" USING gin ("complication_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4b2b2a3cd55169b589cb45701d" ON "search_case_document" USING gin ("procedure_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_49532fd831c6db978c4748844d" ON "search_case_document" USING gin ("treatment_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6d2255604e51fadf084e2b3571" ON "search_case_document" USING gin ("symptom_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dc5dbf3a8dc5e7bf24b303c898" ON "search_case_document" USING gin ("search_vector")
        `);
        await queryRunner.query(`
            CREATE TABLE "search_indexer_lease" (
                "name" character varying(64) NOT NULL,
                "holder" character varying(128),
                "purpose" character varying(16),
                "expires_at" TIMESTAMP WITH TIME ZONE,
                "waiting_holder" character varying(128),
                "waiting_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7998387fc9728af5fcf47bf7ff4" PRIMARY KEY ("name")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "search_indexer_lease"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dc5dbf3a8dc5e7bf24b303c898"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6d2255604e51fadf084e2b3571"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_49532fd831c6db978c4748844d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4b2b2a3cd55169b589cb45701d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_95086fae51480809831c68284d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_79fc712a01f5b768bf82084949"
        `);
        await queryRunner.query(`
            DROP TABLE "search_case_document"
        `);
    }

}
