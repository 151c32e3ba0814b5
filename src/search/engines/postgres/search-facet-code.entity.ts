import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Small integer codes for facet values ("complicationIds:<term id>", "sex:FEMALE", ...), so the
 * embedded index stores and groups integers instead of strings. Codes are only ever added, never
 * changed, so every process may cache them.
 */
@Entity()
export class SearchFacetCode {
  @PrimaryGeneratedColumn('increment')
  code: number;

  @Column('varchar', { length: 300, unique: true })
  value: string;
}
