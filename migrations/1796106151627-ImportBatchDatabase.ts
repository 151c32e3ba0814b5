import { MigrationInterface, QueryRunner } from "typeorm";

export class ImportBatchDatabase1796106151627 implements MigrationInterface {
    name = 'ImportBatchDatabase1796106151627'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_batch"
            ADD "database" character varying(100)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "import_batch" DROP COLUMN "database"
        `);
    }

}
