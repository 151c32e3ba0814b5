import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The decision that settles reviewers' disagreement on one record of one review, and who made it. */
@Entity()
@Index(['review', 'publicationId'], { unique: true })
@Index(['publicationId'])
export class ScreeningResolution {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  review: string;

  @Column('uuid')
  publicationId: string;

  @Column('varchar', { length: 16 })
  decision: string;

  @Column('varchar', { length: 64, nullable: true })
  reason: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  /** The name of the API key that resolved it. */
  @Column('varchar', { length: 100 })
  resolvedBy: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  resolvedAt: Date;
}
