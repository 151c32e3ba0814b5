import { MigrationInterface, QueryRunner } from "typeorm";

export class ImportsAndSavedSearches1795308484420 implements MigrationInterface {
    name = 'ImportsAndSavedSearches1795308484420'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "import_batch" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "review" character varying(200),
                "source" text NOT NULL,
                "format" character varying(16) NOT NULL,
                "records_read" integer NOT NULL,
                "created" integer NOT NULL,
                "merged" integer NOT NULL,
                "skipped" integer NOT NULL,
                "errors" jsonb NOT NULL DEFAULT '[]',
                "publication_ids" uuid array NOT NULL DEFAULT '{}',
                "imported_by" character varying(100),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f408daa3bbc77ffc37eca041312" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_dc63e3acfe78bf792d719e9562" ON "import_batch" ("review")
        `);
        await queryRunner.query(`
            CREATE TABLE "saved_search" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" character varying(200) NOT NULL,
                "review" character varying(200),
                "query" jsonb NOT NULL,
                "saved_by" character varying(100) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_563b338d8b4878fa46697c8f3f2" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c88a810f7e548baab4c49e404a" ON "saved_search" ("review")
        `);
        await queryRunner.query(`
            CREATE TABLE "saved_search_run" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "saved_search_id" uuid NOT NULL,
                "ran_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_count" integer NOT NULL,
                "publication_count" integer NOT NULL,
                "fingerprint" character(64) NOT NULL,
                "case_report_ids" uuid array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_b8f05e690f2143325185db6a7d7" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8348d462440e4e79a7ccb8ef8e" ON "saved_search_run" ("saved_search_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD "title_key" text
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_4013b3167f29125a25895a6125" ON "publication" ("title_key")
        `);
        await queryRunner.query(`
            ALTER TABLE "saved_search_run"
            ADD CONSTRAINT "FK_8348d462440e4e79a7ccb8ef8e8" FOREIGN KEY ("saved_search_id") REFERENCES "saved_search"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "saved_search_run" DROP CONSTRAINT "FK_8348d462440e4e79a7ccb8ef8e8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_4013b3167f29125a25895a6125"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP COLUMN "title_key"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8348d462440e4e79a7ccb8ef8e"
        `);
        await queryRunner.query(`
            DROP TABLE "saved_search_run"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c88a810f7e548baab4c49e404a"
        `);
        await queryRunner.query(`
            DROP TABLE "saved_search"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_dc63e3acfe78bf792d719e9562"
        `);
        await queryRunner.query(`
            DROP TABLE "import_batch"
        `);
    }

}
