import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ImportFormatName } from './import-format.enum';
import { ImportIssue } from './models/import-issue.model';

export interface ImportErrorEntry {
  recordNumber: number | null;
  line: number | null;
  field: string | null;
  message: string;
}

/** One imported file: what it held and what became of it (the PRISMA identification numbers). */
@ObjectType({ description: 'One imported file: what it held and what became of it.' })
@Entity()
export class ImportBatch {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: 'The literature review the file was imported for.' })
  @Index()
  @Column('varchar', { length: 200, nullable: true })
  review: string | null;

  @Field({ description: 'The file name, or "(posted text)".' })
  @Column('text')
  source: string;

  @Field(() => ImportFormatName)
  @Column('varchar', { length: 16 })
  format: string;

  @Field(() => String, { nullable: true, description: 'The bibliographic database the file was exported from (PubMed, Embase, Scopus…), as the importer named it; importSummary groups by it (by format when not named).' })
  @Column('varchar', { length: 100, nullable: true })
  database: string | null;

  @Field({ description: 'False for a file that was refused: nothing of it was stored (an ATOMIC import with errors, an unreadable file). It still counts in PRISMA as records not imported.' })
  @Column('boolean', { default: true })
  stored: boolean;

  @Field(() => Int)
  @Column('int')
  recordsRead: number;

  @Field(() => Int)
  @Column('int')
  created: number;

  @Field(() => Int)
  @Column('int')
  merged: number;

  @Field(() => Int)
  @Column('int')
  skipped: number;

  @Field(() => [ImportIssue])
  @Column('jsonb', { default: [] })
  errors: ImportErrorEntry[];

  @Field(() => [ID], { description: 'The distinct publications the file\'s records created or were merged into.' })
  @Column('uuid', { array: true, default: '{}' })
  publicationIds: string[];

  @Field(() => String, { nullable: true, description: 'The name of the API key that imported the file (or the CLI user).' })
  @Column('varchar', { length: 100, nullable: true })
  importedBy: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
