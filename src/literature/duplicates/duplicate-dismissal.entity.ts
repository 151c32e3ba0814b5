import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A pair of publications a curator said are not one article: not listed again as probable duplicates in the
 * review it was dismissed for (an empty review: in every listing). The pair is stored in id order; a row whose
 * publication was merged away or deleted matches no pair any more and is kept as history.
 */
@ObjectType({ description: 'A pair of publications a curator said are not duplicates: probableDuplicates no longer lists it (in that review, or everywhere when dismissed without a review).' })
@Entity()
@Index('UQ_duplicate_dismissal_pair', ['review', 'firstId', 'secondId'], { unique: true })
export class DuplicateDismissal {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => String, { nullable: true, description: 'The review it was dismissed for; null: every listing.' })
  @Column('varchar', { length: 200, default: '', transformer: { to: (value: string | null) => value ?? '', from: (value: string) => (value === '' ? null : value) } })
  review: string | null;

  @Field(() => ID, { description: 'The lower of the two publication ids.' })
  @Index()
  @Column('uuid')
  firstId: string;

  @Field(() => ID)
  @Index()
  @Column('uuid')
  secondId: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  dismissedBy: string | null;

  @Field(() => String, { nullable: true, description: 'Why they are different articles, as the curator wrote it.' })
  @Column('varchar', { length: 500, nullable: true })
  reason: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
