import { MigrationInterface, QueryRunner } from "typeorm";

export class SearchIndexInMemory1795976576802 implements MigrationInterface {
    name = 'SearchIndexInMemory1795976576802'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_79fc712a01f5b768bf82084949"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dc5dbf3a8dc5e7bf24b303c898"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c5213e391d9b1463a7ccbdd94b"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6014e4875e444c55af84321341"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_1edca8b4f5e082feced6e8a605"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_7f4e51de402fb7d53fd2cedc50"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_f8ca827267115df04e87808b2d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_efb655d866a832272bc9c4f23e"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_53b273978ba7af1026862874ba"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_01d5613c818c43d535502adcab"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "year_asc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "year_desc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "age_asc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "age_desc_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "rank_vector"
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0ab4d86a721e0f13f7d8b269e2" ON "search_case_document" ("publication_id", "case_report_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0ab4d86a721e0f13f7d8b269e2"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "rank_vector" tsvector
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "age_desc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "age_asc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "year_desc_key" double precision
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "year_asc_key" double precision
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_01d5613c818c43d535502adcab" ON "search_case_document" ("year_asc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_53b273978ba7af1026862874ba" ON "search_case_document" ("year_desc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_efb655d866a832272bc9c4f23e" ON "search_case_document" ("age_asc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_f8ca827267115df04e87808b2d" ON "search_case_document" ("age_desc_key", "case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_7f4e51de402fb7d53fd2cedc50" ON "search_case_document" USING gin ("symptom_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_1edca8b4f5e082feced6e8a605" ON "search_case_document" USING gin ("treatment_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6014e4875e444c55af84321341" ON "search_case_document" USING gin ("procedure_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c5213e391d9b1463a7ccbdd94b" ON "search_case_document" USING gin ("complication_codes")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dc5dbf3a8dc5e7bf24b303c898" ON "search_case_document" USING gin ("search_vector")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_79fc712a01f5b768bf82084949" ON "search_case_document" USING btree ("publication_id")
        `);
    }

}
