import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PrincipalName } from '../../auth/principal-name.decorator';
import { RequireRole } from '../../auth/require-role.decorator';
import { CaseReport } from '../../case-reports/entities/case-report.entity';
import { CreateCaseReportInput, UpdateCaseReportInput } from '../../case-reports/inputs/case-report.input';
import { ReviewCaseFactInput } from '../../case-reports/inputs/review-case-fact.input';
import { IdArgPipe } from '../../common/id-arg.pipe';
import { PageArgs } from '../../common/pagination/connection';
import { CaseCurationService } from './case-curation.service';
import { AddCaseFactInput, MergeCaseReportsInput, SplitCaseReportInput } from './inputs/case-curation.inputs';
import { CaseChangeConnection } from './models/case-change-connection.model';

const EXPECTED_VERSION = { type: () => Int, nullable: true, description: 'The case\'s version as you read it: a save from an older version is refused (CONFLICT) with the changes made since.' } as const;

/** Curators' changes of case reports: each versioned (expectedVersion) and recorded in the case's history. */
@Resolver(() => CaseReport)
export class CaseCurationResolver {
  constructor(private readonly curation: CaseCurationService) {}

  @Query(() => CaseChangeConnection, { description: 'The recorded changes of a case, newest first: who, when, what, old and new value, evidence. Kept after a case is merged or deleted.' })
  caseHistory(@Args('caseReportId', { type: () => ID }, IdArgPipe) caseReportId: string, @Args() page: PageArgs): Promise<CaseChangeConnection> {
    return this.curation.historyOf(caseReportId, page.first, page.after);
  }

  @ResolveField(() => CaseChangeConnection, { description: 'The recorded changes of this case, newest first.' })
  history(@Parent() caseReport: CaseReport, @Args() page: PageArgs): Promise<CaseChangeConnection> {
    return this.curation.historyOf(caseReport.id, page.first, page.after);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Accept, correct (numbers with units are converted; terms by key, MeSH UI or id) or reject one fact of a case; recorded in its history.' })
  reviewCaseFact(@Args('input') input: ReviewCaseFactInput, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.reviewFact(input, principal);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Add a fact the extraction missed, from words selected in the publication\'s title or abstract (they become its evidence, method CURATOR).' })
  addCaseFact(@Args('input') input: AddCaseFactInput, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.addFact(input, principal);
  }

  @RequireRole('curator')
  @Mutation(() => [CaseReport], { description: 'Move chosen facts of a case into a new patient of the same publication. Returns the case, then the new one.' })
  splitCaseReport(@Args('input') input: SplitCaseReportInput, @PrincipalName() principal: string | null): Promise<CaseReport[]> {
    return this.curation.split(input, principal);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Merge two patients of one publication; the other case is removed (its history stays). Two known, different values for one fact are refused.' })
  mergeCaseReports(@Args('input') input: MergeCaseReportsInput, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.merge(input, principal);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Revert one recorded change if every field it touched still holds the value it wrote (else CONFLICT naming the changes since); recorded as an UNDO.' })
  undoCaseChange(@Args('changeId', { type: () => ID }, IdArgPipe) changeId: string, @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number | null, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.undo(changeId, { principal, expectedVersion });
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Confirm a suggested case: it becomes CURATED and its open suggestions accepted; it shows as curated in case search at once. A re-run of extraction never changes it again. Confirming a case already curated, with nothing left suggested, returns it unchanged (same version, no history entry).' })
  confirmCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string, @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number | null, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.confirm(id, { principal, expectedVersion });
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Reject a suggested patient: it is kept as REJECTED (never searched or listed), so a re-run does not propose it again.' })
  rejectCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string, @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number | null, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.reject(id, { principal, expectedVersion });
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Add a patient by hand (CURATED).' })
  createCaseReport(@Args('input') input: CreateCaseReportInput, @PrincipalName() principal: string | null): Promise<CaseReport> {
    return this.curation.create(input, { principal });
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Change fields of a case by hand; it is CURATED from now on.' })
  updateCaseReport(
    @Args('id', { type: () => ID }, IdArgPipe) id: string,
    @Args('input') input: UpdateCaseReportInput,
    @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number | null,
    @PrincipalName() principal: string | null,
  ): Promise<CaseReport> {
    return this.curation.update(id, input, { principal, expectedVersion });
  }

  @RequireRole('curator')
  @Mutation(() => Boolean)
  deleteCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string, @Args('expectedVersion', EXPECTED_VERSION) expectedVersion: number | null, @PrincipalName() principal: string | null): Promise<boolean> {
    return this.curation.delete(id, { principal, expectedVersion });
  }
}
