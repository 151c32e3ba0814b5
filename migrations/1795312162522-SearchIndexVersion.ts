import { MigrationInterface, QueryRunner } from "typeorm";

export class SearchIndexVersion1795312162522 implements MigrationInterface {
    name = 'SearchIndexVersion1795312162522'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "search_index_version" (
                "id" integer NOT NULL,
                "version" bigint NOT NULL DEFAULT '0',
                CONSTRAINT "PK_f974cc8b24ddf85ff892e26e782" PRIMARY KEY ("id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "search_index_version"
        `);
    }

}
