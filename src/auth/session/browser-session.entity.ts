import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed-in browser (the workspace). The cookie holds a random opaque token; only its SHA-256 is
 * stored, so a copy of this table signs no one in. The API key itself is never stored.
 */
@Entity()
export class BrowserSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Hex SHA-256 of the cookie's token. */
  @Index({ unique: true })
  @Column('char', { length: 64 })
  tokenHash: string;

  /** The name of the API key that signed in. */
  @Column('varchar', { length: 100 })
  principalName: string;

  @Column('varchar', { length: 16 })
  role: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index()
  @Column('timestamptz')
  expiresAt: Date;
}
