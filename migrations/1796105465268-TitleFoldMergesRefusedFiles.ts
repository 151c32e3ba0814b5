import { MigrationInterface, QueryRunner } from "typeorm";
import { titleFoldOf } from "../src/publications/title-match";

export class TitleFoldMergesRefusedFiles1796105465268 implements MigrationInterface {
    name = 'TitleFoldMergesRefusedFiles1796105465268'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "publication_merge" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kept_id" uuid NOT NULL,
                "merged_id" uuid NOT NULL,
                "merged_publication" jsonb NOT NULL,
                "filled_fields" text array NOT NULL DEFAULT '{}',
                "case_reports_moved" integer NOT NULL,
                "merged_by" character varying(100),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_df35152b83129685d36c4033154" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_84ae5225c178e73ca9ed3e9f23" ON "publication_merge" ("kept_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_246dc1d7d3b92ef7bf6da44755" ON "publication_merge" ("merged_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD "title_fold" text
        `);
        await queryRunner.query(`
            ALTER TABLE "import_batch"
            ADD "stored" boolean NOT NULL DEFAULT true
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_a6c19a014c3f7a64f030877638" ON "publication" ("title_fold")
        `);
        // Written by hand: the stored publications get their folded title (computed as the import computes it),
        // and probable duplicates are looked up by trigram similarity on it (the entity marks the index synchronize: false).
        for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
            const rows: { id: string; title: string }[] = await queryRunner.query(`SELECT "id", "title" FROM "publication" WHERE "id" > $1 ORDER BY "id" LIMIT 1000`, [after]);
            if (!rows.length) break;
            await queryRunner.query(
                `UPDATE "publication" p SET "title_fold" = v.fold FROM unnest($1::uuid[], $2::text[]) AS v(id, fold) WHERE p."id" = v.id`,
                [rows.map((row) => row.id), rows.map((row) => titleFoldOf(row.title))],
            );
            after = rows[rows.length - 1].id;
        }
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
        await queryRunner.query(`
            CREATE INDEX "IDX_publication_title_fold_trgm" ON "publication" USING GIN ("title_fold" gin_trgm_ops)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_publication_title_fold_trgm"`);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a6c19a014c3f7a64f030877638"
        `);
        await queryRunner.query(`
            ALTER TABLE "import_batch" DROP COLUMN "stored"
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP COLUMN "title_fold"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_246dc1d7d3b92ef7bf6da44755"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_84ae5225c178e73ca9ed3e9f23"
        `);
        await queryRunner.query(`
            DROP TABLE "publication_merge"
        `);
    }

}
