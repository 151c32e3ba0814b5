import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The handle a repository writes through inside one transaction. */
export type Tx = EntityManager;

/**
 * Runs work in one transaction. Repositories take the `Tx` so that rows and their outbox entries
 * commit together; nothing outside the callback may touch the database meanwhile (the embedded
 * engine runs one query at a time, so a second connection would wait for this one forever).
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** For reads outside a transaction. */
  get reader(): Tx {
    return this.dataSource.manager;
  }
}
