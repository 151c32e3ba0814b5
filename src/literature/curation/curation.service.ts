import { Injectable } from '@nestjs/common';
import { ValidCaseReport, validateCreateCaseReport } from '../../case-reports/case-report-validation';
import { CaseReport } from '../../case-reports/entities/case-report.entity';
import { BadUserInputError, FieldError, NotFoundError } from '../../common/errors/domain-error';
import { UnitOfWork } from '../../database/unit-of-work';
import { PublicationsRepository } from '../../publications/publications.repository';
import { CaseCurationService } from '../../review/history/case-curation.service';
import { CaseReportOfPublicationInput } from './inputs/case-report-of-publication.input';

/** A case series is rarely longer; a request with more is a mistake worth stopping. */
export const MAX_CASES_PER_REQUEST = 200;

/** Turning an imported publication into case reports: one per patient, all in one transaction, each recorded as ADD_PATIENT. */
@Injectable()
export class CurationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly caseReports: CaseCurationService,
    private readonly publications: PublicationsRepository,
  ) {}

  async createCaseReports(publicationId: string, inputs: CaseReportOfPublicationInput[], principal: string | null = null): Promise<CaseReport[]> {
    if (!inputs.length) throw BadUserInputError.field('inputs', 'give at least one case report');
    if (inputs.length > MAX_CASES_PER_REQUEST) throw BadUserInputError.field('inputs', `at most ${MAX_CASES_PER_REQUEST} case reports per request`);
    // Every input is checked before anything is written, and every problem is reported at once.
    const errors: FieldError[] = [];
    const valid: ValidCaseReport[] = [];
    inputs.forEach((input, index) => {
      try {
        valid.push(validateCreateCaseReport({ ...input, publicationId }, `inputs.${index}`));
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        errors.push(...error.fieldErrors.filter((fieldError) => !fieldError.path.endsWith('.publicationId')));
        if (error.fieldErrors.some((fieldError) => fieldError.path.endsWith('.publicationId'))) errors.push({ path: 'publicationId', message: 'is not a valid id' });
      }
    });
    if (errors.length) throw new BadUserInputError(dedupe(errors));
    return this.uow.run(async (tx) => {
      const [publication] = await this.publications.findByIds([publicationId], tx);
      if (!publication) throw new NotFoundError('Publication', publicationId);
      await this.caseReports.checkTerms(tx, valid.map((caseReport, index) => ({ valid: caseReport, path: `inputs.${index}` })));
      const created: CaseReport[] = [];
      for (const [index, caseReport] of valid.entries()) created.push(await this.caseReports.insertByHand(tx, caseReport, principal, `inputs.${index}`));
      return created;
    });
  }
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
