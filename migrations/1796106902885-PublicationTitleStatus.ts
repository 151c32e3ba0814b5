import { MigrationInterface, QueryRunner } from "typeorm";

export class PublicationTitleStatus1796106902885 implements MigrationInterface {
    name = 'PublicationTitleStatus1796106902885'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."title_status" AS ENUM('COMPLETE', 'INCOMPLETE', 'NOT_RECORDED')
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ADD "title_status" "public"."title_status" NOT NULL DEFAULT 'COMPLETE'
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ALTER COLUMN "title" DROP NOT NULL
        `);
        // The demo corpus used to store bracketed placeholders in place of titles: say it in the status instead.
        await queryRunner.query(`
            UPDATE "publication" SET "title" = NULL, "title_status" = 'NOT_RECORDED'
            WHERE "title" LIKE '[Title not recorded]%'
        `);
        await queryRunner.query(`
            UPDATE "publication" SET "title" = regexp_replace("title", '\\s*…\\s*\\[title incomplete in source\\]$', ''), "title_status" = 'INCOMPLETE'
            WHERE "title" LIKE '%[title incomplete in source]'
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            UPDATE "publication" SET "title" = 'Title not recorded' WHERE "title" IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "publication"
            ALTER COLUMN "title"
            SET NOT NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "publication" DROP COLUMN "title_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."title_status"
        `);
    }

}
