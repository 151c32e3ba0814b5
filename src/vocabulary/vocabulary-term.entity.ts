import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TermKind } from './term-kind.enum';

@ObjectType({ description: 'A controlled-vocabulary term (complication, procedure, treatment, symptom or comorbidity), in a tree.' })
@Entity()
@Index(['kind', 'key'], { unique: true })
export class VocabularyTerm {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Stable slug, unique within its kind (e.g. "intrathecal-hematoma").' })
  @Column()
  key: string;

  @Field(() => TermKind)
  @Column({ type: 'enum', enum: TermKind, enumName: 'term_kind' })
  kind: TermKind;

  @Field()
  @Column()
  label: string;

  @Field(() => [String])
  @Column('text', { array: true, default: '{}' })
  synonyms: string[];

  @Field(() => String, { nullable: true, description: 'MeSH descriptor UI (e.g. D046748) when one exists.' })
  @Index({ where: 'mesh_ui IS NOT NULL' })
  @Column('varchar', { length: 16, nullable: true })
  meshUi: string | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column('uuid', { nullable: true })
  parentId: string | null;

  @ManyToOne(() => VocabularyTerm, { nullable: true, onDelete: 'RESTRICT' })
  parent?: VocabularyTerm | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
