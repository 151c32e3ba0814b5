import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ImportErrorEntry {
  recordNumber: number | null;
  line: number | null;
  field: string | null;
  message: string;
}

/** One imported file: what it held and what became of it (the PRISMA identification numbers). */
@Entity()
export class ImportBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('varchar', { length: 200, nullable: true })
  review: string | null;

  @Column('text')
  source: string;

  @Column('varchar', { length: 16 })
  format: string;

  @Column('int')
  recordsRead: number;

  @Column('int')
  created: number;

  @Column('int')
  merged: number;

  @Column('int')
  skipped: number;

  @Column('jsonb', { default: [] })
  errors: ImportErrorEntry[];

  @Column('uuid', { array: true, default: '{}' })
  publicationIds: string[];

  @Column('varchar', { length: 100, nullable: true })
  importedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
