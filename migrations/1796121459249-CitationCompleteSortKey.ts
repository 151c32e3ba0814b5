import { MigrationInterface, QueryRunner } from "typeorm";

export class CitationCompleteSortKey1796121459249 implements MigrationInterface {
    name = 'CitationCompleteSortKey1796121459249'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "citation_complete" boolean
        `);
        await queryRunner.query(`
            ALTER TABLE "search_publication_document"
            ADD "citation_complete" boolean
        `);
        // Written by hand: every publication (and so each of its cases) goes through the outbox once, so an
        // existing database gets the citation tie-break without a manual reindex (rows stay searchable meanwhile).
        await queryRunner.query(`
            INSERT INTO "search_outbox" ("entity_type", "entity_id") SELECT 'publication', "id" FROM "publication"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "search_publication_document" DROP COLUMN "citation_complete"
        `);
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "citation_complete"
        `);
    }

}
