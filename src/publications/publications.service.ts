import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BadUserInputError, ConflictError, FieldError, NotFoundError } from '../common/errors/domain-error';
import { isUniqueViolation } from '../common/errors/unique-violation';
import { Connection, encodeCursor, resolvePageSize } from '../common/pagination/connection';
import { Tx, UnitOfWork } from '../database/unit-of-work';
import { OutboxRepository } from '../search/indexing/outbox.repository';
import { CreatePublicationInput, UpdatePublicationInput } from './inputs/publication.input';
import { Publication } from './publication.entity';
import { checkUpdatedTitle, PublicationFields, validateCreatePublication, validateUpdatePublication } from './publication-validation';
import { PublicationsRepository } from './publications.repository';

@Injectable()
export class PublicationsService {
  constructor(
    private readonly publications: PublicationsRepository,
    private readonly outbox: OutboxRepository,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<Publication> {
    const [publication] = await this.publications.findByIds([id]);
    if (!publication) throw new NotFoundError('Publication', id);
    return publication;
  }

  async list(first: number | null | undefined, after: string | null | undefined): Promise<Connection<Publication>> {
    const size = resolvePageSize(first, this.config.MAX_PAGE_SIZE);
    const page = await this.publications.page(size, after);
    return {
      edges: page.rows.map((node) => ({ node, cursor: encodeCursor({ createdAt: node.createdAt.toISOString(), id: node.id }) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.length ? encodeCursor({ createdAt: page.rows[page.rows.length - 1].createdAt.toISOString(), id: page.rows[page.rows.length - 1].id }) : null },
      totalCount: page.totalCount,
    };
  }

  create(input: CreatePublicationInput): Promise<Publication> {
    const fields = validateCreatePublication(input);
    return this.uow.run((tx) => this.insert(tx, fields)).catch((error: unknown) => this.explainIdentifierRace(error, fields.doi, fields.pmid, null));
  }

  /** Inserts inside the caller's transaction (used by the importers and the demo loader too). */
  async insert(tx: Tx, fields: PublicationFields, path = 'input'): Promise<Publication> {
    await this.assertIdentifiersFree(tx, fields.doi, fields.pmid, null, path);
    const publication = await this.publications.insert(tx, fields);
    await this.outbox.record(tx, 'publication', [publication.id]);
    return publication;
  }

  update(id: string, input: UpdatePublicationInput): Promise<Publication> {
    const fields = validateUpdatePublication(input);
    return this.uow.run(async (tx) => {
      // Locked: a delete or merge committed meanwhile is NOT_FOUND here (it was a TypeError on the vanished row).
      const existing = await this.publications.lockForWrite(tx, id);
      if (!existing) throw new NotFoundError('Publication', id);
      checkUpdatedTitle(existing, fields);
      await this.assertIdentifiersFree(tx, fields.doi ?? null, fields.pmid ?? null, id, 'input');
      await this.publications.update(tx, id, fields);
      await this.outbox.record(tx, 'publication', [id]);
      const [updated] = await this.publications.findByIds([id], tx);
      return updated;
    }).catch((error: unknown) => this.explainIdentifierRace(error, fields.doi ?? null, fields.pmid ?? null, id));
  }

  /**
   * Two writes of one DOI or PMID at the same time both pass assertIdentifiersFree (neither sees the other's
   * uncommitted row) and the later one meets the unique index: INTERNAL_SERVER_ERROR, where one at a time is
   * BAD_USER_INPUT naming the field. Once the failed transaction has rolled back the winner is visible, and the
   * same check names it; if it is gone again (rolled back too), the answer is a CONFLICT to retry.
   */
  private async explainIdentifierRace(error: unknown, doi: string | null, pmid: string | null, selfId: string | null): Promise<never> {
    if (!isUniqueViolation(error)) throw error;
    await this.assertIdentifiersFree(this.uow.reader, doi, pmid, selfId, 'input');
    throw new ConflictError('another publication with this DOI or PMID was being written at the same time: try again', { doi, pmid });
  }

  delete(id: string): Promise<boolean> {
    return this.uow.run(async (tx) => {
      // Locked: of two deletes at once (or a merge and a delete) the later finds it gone, instead of both answering true.
      const existing = await this.publications.lockForWrite(tx, id);
      if (!existing) throw new NotFoundError('Publication', id);
      await this.publications.delete(tx, id);
      await this.outbox.record(tx, 'publication', [id]);
      return true;
    });
  }

  /** DOI and PMID identify a publication: a second record with either is a user error, not a crash on the unique index. */
  private async assertIdentifiersFree(tx: Tx, doi: string | null, pmid: string | null, selfId: string | null, path: string): Promise<void> {
    const clashes = (await this.publications.findByDoiOrPmid(doi, pmid, tx)).filter((other) => other.id !== selfId);
    const errors: FieldError[] = [];
    for (const other of clashes) {
      if (doi && other.doi === doi) errors.push({ path: `${path}.doi`, message: `publication ${other.id} already has DOI ${doi}` });
      if (pmid && other.pmid === pmid) errors.push({ path: `${path}.pmid`, message: `publication ${other.id} already has PMID ${pmid}` });
    }
    if (errors.length) throw new BadUserInputError(errors);
  }
}
