import { MigrationInterface, QueryRunner } from "typeorm";

export class SearchIndexCodes1795309760194 implements MigrationInterface {
    name = 'SearchIndexCodes1795309760194'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_95086fae51480809831c68284d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4b2b2a3cd55169b589cb45701d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_49532fd831c6db978c4748844d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6d2255604e51fadf084e2b3571"
        `);
        await queryRunner.query(`
            CREATE TABLE "search_facet_code" (
                "code" SERIAL NOT NULL,
                "value" character varying(300) NOT NULL,
                CONSTRAINT "UQ_dc66ab7a35f884047783d801f5b" UNIQUE ("value"),
                CONSTRAINT "PK_5d8a4236fc2f8e9ce742cea95c8" PRIMARY KEY ("code")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "treatment_ids"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "symptom_ids"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "publication_types"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "age_group"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "sex"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "pregnancy_status"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "anticoagulation"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "outcome"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "complication_ids"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "procedure_ids"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "year_asc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "year_desc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "age_asc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "age_desc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "age_group_code" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "sex_code" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "pregnancy_status_code" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "anticoagulation_code" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "outcome_code" integer
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "complication_codes" integer array
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "procedure_codes" integer array
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "treatment_codes" integer array
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "symptom_codes" integer array
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "publication_type_codes" integer array
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "rank_vector" tsvector
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c5213e391d9b1463a7ccbdd94b" ON "search_case_document" USING gin ("complication_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6014e4875e444c55af84321341" ON "search_case_document" USING gin ("procedure_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1edca8b4f5e082feced6e8a605" ON "search_case_document" USING gin ("treatment_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7f4e51de402fb7d53fd2cedc50" ON "search_case_document" USING gin ("symptom_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f8ca827267115df04e87808b2d" ON "search_case_document" ("age_desc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_efb655d866a832272bc9c4f23e" ON "search_case_document" ("age_asc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_53b273978ba7af1026862874ba" ON "search_case_document" ("year_desc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_01d5613c818c43d535502adcab" ON "search_case_document" ("year_asc_key", "case_report_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_01d5613c818c43d535502adcab"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_53b273978ba7af1026862874ba"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_efb655d866a832272bc9c4f23e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f8ca827267115df04e87808b2d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7f4e51de402fb7d53fd2cedc50"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1edca8b4f5e082feced6e8a605"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6014e4875e444c55af84321341"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c5213e391d9b1463a7ccbdd94b"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "rank_vector"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "publication_type_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "symptom_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "treatment_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "procedure_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "complication_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "outcome_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "anticoagulation_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "pregnancy_status_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "sex_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "age_group_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "age_desc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "age_asc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "year_desc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "year_asc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "procedure_ids" text array NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "complication_ids" text array NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "outcome" character varying(32) NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "anticoagulation" character varying(32) NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "pregnancy_status" character varying(32) NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "sex" character varying(32) NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "age_group" character varying(32) NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "publication_types" text array NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "symptom_ids" text array NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "treatment_ids" text array NOT NULL
        `);
        await queryRunner.query(`
            DROP TABLE "search_facet_code"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6d2255604e51fadf084e2b3571" ON "search_case_document" USING gin ("symptom_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_49532fd831c6db978c4748844d" ON "search_case_document" USING gin ("treatment_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4b2b2a3cd55169b589cb45701d" ON "search_case_document" USING gin ("procedure_ids")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_95086fae51480809831c68284d" ON "search_case_document" USING gin ("complication_ids")
        `);
    }

}
