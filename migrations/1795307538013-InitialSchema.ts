import { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1795307538013 implements MigrationInterface {
    name = 'InitialSchema1795307538013'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TYPE "public"."term_kind" AS ENUM(
                'COMPLICATION',
                'PROCEDURE',
                'TREATMENT',
                'SYMPTOM',
                'COMORBIDITY'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "vocabulary_term" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" character varying NOT NULL,
                "kind" "public"."term_kind" NOT NULL,
                "label" character varying NOT NULL,
                "synonyms" text array NOT NULL DEFAULT '{}',
                "mesh_ui" character varying(16),
                "parent_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f87dfc0d732277f3b6579b55383" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_70bfbd7e1b4833a9846494f6be" ON "vocabulary_term" ("mesh_ui")
            WHERE mesh_ui IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_6fa25912a6cc81a3fa1980ed53" ON "vocabulary_term" ("parent_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_747adb12403521ec50d45d8e6c" ON "vocabulary_term" ("kind", "key")
        `);
        await queryRunner.query(`
            CREATE TABLE "publication" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "abstract" text,
                "authors" jsonb NOT NULL DEFAULT '[]',
                "journal" text,
                "year" integer,
                "month" smallint,
                "volume" character varying(64),
                "issue" character varying(64),
                "pages" character varying(64),
                "doi" character varying(255),
                "pmid" character varying(16),
                "pmcid" character varying(16),
                "publication_types" text array NOT NULL DEFAULT '{}',
                "mesh_headings" jsonb NOT NULL DEFAULT '[]',
                "keywords" text array NOT NULL DEFAULT '{}',
                "language" character varying(16),
                "url" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8aea8363d5213896a78d8365fab" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_ac4b48557385af20736c16ec6e" ON "publication" ("year")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ef6ee46621a9aec150a202da00" ON "publication" ("doi")
            WHERE doi IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_8fbe81106004cec8d973ce5f44" ON "publication" ("pmid")
            WHERE pmid IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "case_treatment" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_report_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "term_id" uuid NOT NULL,
                "complication_id" uuid,
                "details" text,
                CONSTRAINT "PK_a5e7f9d2f5c63b827d5e993b382" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_8a65061c9cd0e2d1af20d22560" ON "case_treatment" ("term_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_a9e46c47afee72d494cecf140a" ON "case_treatment" ("case_report_id", "position")
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."age_group" AS ENUM(
                'NEONATE',
                'INFANT',
                'CHILD',
                'ADOLESCENT',
                'ADULT',
                'OLDER_ADULT',
                'UNKNOWN'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."sex" AS ENUM('FEMALE', 'MALE', 'UNKNOWN')
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."pregnancy_status" AS ENUM(
                'PREGNANT',
                'POSTPARTUM',
                'NOT_PREGNANT',
                'UNKNOWN'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."anticoagulation" AS ENUM(
                'NONE',
                'ANTICOAGULANT',
                'ANTIPLATELET',
                'BOTH',
                'UNKNOWN'
            )
        `);
        await queryRunner.query(`
            CREATE TYPE "public"."outcome" AS ENUM(
                'FULL_RECOVERY',
                'IMPROVED_UNSPECIFIED',
                'PARTIAL_RECOVERY',
                'RESIDUAL_DEFICIT',
                'DEATH',
                'UNKNOWN'
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "case_report" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "publication_id" uuid NOT NULL,
                "label" character varying(200) NOT NULL,
                "summary" text,
                "age_years" double precision,
                "age_group" "public"."age_group" NOT NULL,
                "sex" "public"."sex" NOT NULL,
                "pregnancy_status" "public"."pregnancy_status" NOT NULL,
                "anticoagulation" "public"."anticoagulation" NOT NULL,
                "outcome" "public"."outcome" NOT NULL,
                "outcome_details" text,
                "time_to_resolution_days" double precision,
                "follow_up_days" double precision,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_8bc0244a17c876cf5d4b3f4d502" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_c80ebfe720c1435d079c7a1e7c" ON "case_report" ("publication_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "case_procedure" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_report_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "term_id" uuid NOT NULL,
                "details" text,
                "blood_volume_ml" double precision,
                "vertebral_level" character varying(32),
                "attempt_number" smallint,
                "image_guidance" character varying(64),
                "needle_gauge" smallint,
                CONSTRAINT "PK_7d940e257f09bf38b1d66245e06" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_45a81bc5cfcdd8b690997e6474" ON "case_procedure" ("term_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_0900821e97cb03a14c03440eee" ON "case_procedure" ("case_report_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "case_complication" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_report_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "term_id" uuid NOT NULL,
                "procedure_id" uuid,
                "onset_hours" double precision,
                "diagnosis" text,
                "details" text,
                CONSTRAINT "PK_be30610c8ee939861ade6ddaf3e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_0158af4976cd11bf3b452e94fe" ON "case_complication" ("term_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_37a8cf304ae258c61dd1d541e2" ON "case_complication" ("case_report_id", "position")
        `);
        await queryRunner.query(`
            CREATE TABLE "search_outbox" (
                "id" BIGSERIAL NOT NULL,
                "entity_type" character varying(32) NOT NULL,
                "entity_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f0e10017d6287176243c2926453" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "case_report_comorbidity" (
                "case_report_id" uuid NOT NULL,
                "term_id" uuid NOT NULL,
                CONSTRAINT "PK_8e4e5b59fbf4d458d9b2367d2be" PRIMARY KEY ("case_report_id", "term_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_82bf2ee7f6046466fc535d59d6" ON "case_report_comorbidity" ("case_report_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_63e70f733deb1db15fc14d973d" ON "case_report_comorbidity" ("term_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "case_complication_symptom" (
                "complication_id" uuid NOT NULL,
                "term_id" uuid NOT NULL,
                CONSTRAINT "PK_fedaa445e0ade73f036e70f4a10" PRIMARY KEY ("complication_id", "term_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_930bf9fe7d408aa8080cb99db5" ON "case_complication_symptom" ("complication_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "IDX_32a804882346b633c0e28f07d8" ON "case_complication_symptom" ("term_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "vocabulary_term"
            ADD CONSTRAINT "FK_6fa25912a6cc81a3fa1980ed53c" FOREIGN KEY ("parent_id") REFERENCES "vocabulary_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_treatment"
            ADD CONSTRAINT "FK_686a672eaa89aa0252b333c2fcd" FOREIGN KEY ("case_report_id") REFERENCES "case_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_treatment"
            ADD CONSTRAINT "FK_8a65061c9cd0e2d1af20d225607" FOREIGN KEY ("term_id") REFERENCES "vocabulary_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_treatment"
            ADD CONSTRAINT "FK_7aa65347a43325dc528dae4d638" FOREIGN KEY ("complication_id") REFERENCES "case_complication"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report"
            ADD CONSTRAINT "FK_c80ebfe720c1435d079c7a1e7c7" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_procedure"
            ADD CONSTRAINT "FK_da8a70e69e57b86c7692035082a" FOREIGN KEY ("case_report_id") REFERENCES "case_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_procedure"
            ADD CONSTRAINT "FK_45a81bc5cfcdd8b690997e6474d" FOREIGN KEY ("term_id") REFERENCES "vocabulary_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication"
            ADD CONSTRAINT "FK_9a49cc4d2f7fcc28b0cbb69453d" FOREIGN KEY ("case_report_id") REFERENCES "case_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication"
            ADD CONSTRAINT "FK_0158af4976cd11bf3b452e94fe1" FOREIGN KEY ("term_id") REFERENCES "vocabulary_term"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication"
            ADD CONSTRAINT "FK_ca7f07764c6bdac80a888813500" FOREIGN KEY ("procedure_id") REFERENCES "case_procedure"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report_comorbidity"
            ADD CONSTRAINT "FK_82bf2ee7f6046466fc535d59d6f" FOREIGN KEY ("case_report_id") REFERENCES "case_report"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report_comorbidity"
            ADD CONSTRAINT "FK_63e70f733deb1db15fc14d973d4" FOREIGN KEY ("term_id") REFERENCES "vocabulary_term"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication_symptom"
            ADD CONSTRAINT "FK_930bf9fe7d408aa8080cb99db58" FOREIGN KEY ("complication_id") REFERENCES "case_complication"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication_symptom"
            ADD CONSTRAINT "FK_32a804882346b633c0e28f07d85" FOREIGN KEY ("term_id") REFERENCES "vocabulary_term"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "case_complication_symptom" DROP CONSTRAINT "FK_32a804882346b633c0e28f07d85"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication_symptom" DROP CONSTRAINT "FK_930bf9fe7d408aa8080cb99db58"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report_comorbidity" DROP CONSTRAINT "FK_63e70f733deb1db15fc14d973d4"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report_comorbidity" DROP CONSTRAINT "FK_82bf2ee7f6046466fc535d59d6f"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication" DROP CONSTRAINT "FK_ca7f07764c6bdac80a888813500"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication" DROP CONSTRAINT "FK_0158af4976cd11bf3b452e94fe1"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_complication" DROP CONSTRAINT "FK_9a49cc4d2f7fcc28b0cbb69453d"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_procedure" DROP CONSTRAINT "FK_45a81bc5cfcdd8b690997e6474d"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_procedure" DROP CONSTRAINT "FK_da8a70e69e57b86c7692035082a"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_report" DROP CONSTRAINT "FK_c80ebfe720c1435d079c7a1e7c7"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_treatment" DROP CONSTRAINT "FK_7aa65347a43325dc528dae4d638"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_treatment" DROP CONSTRAINT "FK_8a65061c9cd0e2d1af20d225607"
        `);
        await queryRunner.query(`
            ALTER TABLE "case_treatment" DROP CONSTRAINT "FK_686a672eaa89aa0252b333c2fcd"
        `);
        await queryRunner.query(`
            ALTER TABLE "vocabulary_term" DROP CONSTRAINT "FK_6fa25912a6cc81a3fa1980ed53c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_32a804882346b633c0e28f07d8"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_930bf9fe7d408aa8080cb99db5"
        `);
        await queryRunner.query(`
            DROP TABLE "case_complication_symptom"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_63e70f733deb1db15fc14d973d"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_82bf2ee7f6046466fc535d59d6"
        `);
        await queryRunner.query(`
            DROP TABLE "case_report_comorbidity"
        `);
        await queryRunner.query(`
            DROP TABLE "search_outbox"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_37a8cf304ae258c61dd1d541e2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0158af4976cd11bf3b452e94fe"
        `);
        await queryRunner.query(`
            DROP TABLE "case_complication"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_0900821e97cb03a14c03440eee"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_45a81bc5cfcdd8b690997e6474"
        `);
        await queryRunner.query(`
            DROP TABLE "case_procedure"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_c80ebfe720c1435d079c7a1e7c"
        `);
        await queryRunner.query(`
            DROP TABLE "case_report"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."outcome"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."anticoagulation"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."pregnancy_status"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."sex"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."age_group"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_a9e46c47afee72d494cecf140a"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8a65061c9cd0e2d1af20d22560"
        `);
        await queryRunner.query(`
            DROP TABLE "case_treatment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_8fbe81106004cec8d973ce5f44"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ef6ee46621a9aec150a202da00"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_ac4b48557385af20736c16ec6e"
        `);
        await queryRunner.query(`
            DROP TABLE "publication"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_747adb12403521ec50d45d8e6c"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_6fa25912a6cc81a3fa1980ed53"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."IDX_70bfbd7e1b4833a9846494f6be"
        `);
        await queryRunner.query(`
            DROP TABLE "vocabulary_term"
        `);
        await queryRunner.query(`
            DROP TYPE "public"."term_kind"
        `);
    }

}
