import { MigrationInterface, QueryRunner } from "typeorm";

export class AddComplicationProcedureCodes1796103892595 implements MigrationInterface {
    name = 'AddComplicationProcedureCodes1796103892595'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "search_case_document"
            ADD "complication_procedure_codes" integer array
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "search_case_document" DROP COLUMN "complication_procedure_codes"
        `);
    }

}
