import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Author } from './models/author.model';
import { MeshHeading } from './models/mesh-heading.model';
import { TitleStatus } from './title-status.enum';

@ObjectType({ description: 'A bibliographic record; it may describe several patients (a case series).' })
@Entity()
@Index('IDX_publication_title_fold_trgm', { synchronize: false })
export class Publication {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: 'As far as the sources give it: the known beginning when titleStatus is INCOMPLETE, null when NOT_RECORDED.' })
  @Column('text', { nullable: true })
  title: string | null;

  @Field(() => TitleStatus)
  @Column({ type: 'enum', enum: TitleStatus, enumName: 'title_status', default: TitleStatus.COMPLETE })
  titleStatus: TitleStatus;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  abstract: string | null;

  @Field(() => [Author])
  @Column('jsonb', { default: [] })
  authors: Author[];

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  journal: string | null;

  @Field(() => Int, { nullable: true })
  @Index()
  @Column('int', { nullable: true })
  year: number | null;

  @Field(() => Int, { nullable: true })
  @Column('smallint', { nullable: true })
  month: number | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 64, nullable: true })
  volume: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 64, nullable: true })
  issue: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 64, nullable: true })
  pages: string | null;

  @Field(() => String, { nullable: true, description: 'Lower case, without a resolver prefix (10.1155/2020/8925731).' })
  @Index({ unique: true, where: 'doi IS NOT NULL' })
  @Column('varchar', { length: 255, nullable: true })
  doi: string | null;

  @Field(() => String, { nullable: true })
  @Index({ unique: true, where: 'pmid IS NOT NULL' })
  @Column('varchar', { length: 16, nullable: true })
  pmid: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 16, nullable: true })
  pmcid: string | null;

  @Field(() => [String], { description: 'e.g. "Case Reports", "Review".' })
  @Column('text', { array: true, default: '{}' })
  publicationTypes: string[];

  @Field(() => [MeshHeading])
  @Column('jsonb', { default: [] })
  meshHeadings: MeshHeading[];

  @Field(() => [String])
  @Column('text', { array: true, default: '{}' })
  keywords: string[];

  @Field(() => String, { nullable: true, description: 'ISO 639-2 code as PubMed gives it (eng, fre, ...).' })
  @Column('varchar', { length: 16, nullable: true })
  language: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  url: string | null;

  /** Normalised title + year + first author's family name: the duplicate check for records without DOI or PMID. */
  @Index()
  @Column('text', { nullable: true })
  titleKey: string | null;

  /**
   * The title folded for matching across databases (titleFoldOf: no markup, case, diacritics, spaces or
   * punctuation; "ue" as "u"): records without DOI or PMID are matched on it (sameRecordByTitle), and
   * probable duplicates are found by trigram similarity on it (a GIN pg_trgm index, written in the migration).
   */
  @Index()
  @Column('text', { nullable: true })
  titleFold: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
