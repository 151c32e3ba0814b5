import { IdArgPipe } from '../common/id-arg.pipe';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../auth/require-role.decorator';
import { PageArgs } from '../common/pagination/connection';
import { RequestLoaders } from '../graphql/request-loaders';
import { Publication } from '../publications/publication.entity';
import { VocabularyTerm } from '../vocabulary/vocabulary-term.entity';
import { CaseReportsService } from './case-reports.service';
import { CaseComplication } from './entities/case-complication.entity';
import { CaseProcedure } from './entities/case-procedure.entity';
import { CaseReport } from './entities/case-report.entity';
import { CaseTreatment } from './entities/case-treatment.entity';
import { CreateCaseReportInput, UpdateCaseReportInput } from './inputs/case-report.input';
import { CaseReportConnection } from './models/case-report-connection.model';
import { ReviewCaseFactInput } from './inputs/review-case-fact.input';
import { PrincipalName } from '../auth/principal-name.decorator';

@Resolver(() => CaseReport)
export class CaseReportsResolver {
  constructor(private readonly service: CaseReportsService) {}

  @Query(() => CaseReport)
  caseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string): Promise<CaseReport> {
    return this.service.get(id);
  }

  @Query(() => CaseReportConnection, { description: 'All case reports, newest first.' })
  caseReports(@Args() page: PageArgs): Promise<CaseReportConnection> {
    return this.service.list(page.first, page.after);
  }

  @ResolveField(() => Publication)
  publication(@Parent() caseReport: CaseReport, @Context('loaders') loaders: RequestLoaders): Promise<Publication> {
    return loaders.publication.load(caseReport.publicationId);
  }

  @ResolveField(() => [CaseProcedure])
  procedures(@Parent() caseReport: CaseReport, @Context('loaders') loaders: RequestLoaders): Promise<CaseProcedure[]> {
    return loaders.procedures.load(caseReport.id);
  }

  @ResolveField(() => [CaseComplication])
  complications(@Parent() caseReport: CaseReport, @Context('loaders') loaders: RequestLoaders): Promise<CaseComplication[]> {
    return loaders.complications.load(caseReport.id);
  }

  @ResolveField(() => [CaseTreatment])
  treatments(@Parent() caseReport: CaseReport, @Context('loaders') loaders: RequestLoaders): Promise<CaseTreatment[]> {
    return loaders.treatments.load(caseReport.id);
  }

  @ResolveField(() => [VocabularyTerm])
  comorbidities(@Parent() caseReport: CaseReport, @Context('loaders') loaders: RequestLoaders): Promise<VocabularyTerm[]> {
    return loaders.comorbidities.load(caseReport.id);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Accept, correct or reject one fact of a case; the change is recorded in its facts with who and when.' })
  reviewCaseFact(@Args('input') input: ReviewCaseFactInput, @PrincipalName() reviewer: string | null): Promise<CaseReport> {
    return this.service.reviewFact(input, reviewer);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Confirm a suggested case: it becomes CURATED and its open suggestions accepted. A re-run of extraction never changes it again.' })
  confirmCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string, @PrincipalName() reviewer: string | null): Promise<CaseReport> {
    return this.service.confirm(id, reviewer);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport, { description: 'Reject a suggested patient: it is kept as REJECTED (never searched or listed), so a re-run does not propose it again.' })
  rejectCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string, @PrincipalName() reviewer: string | null): Promise<CaseReport> {
    return this.service.rejectSuggestion(id, reviewer);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport)
  createCaseReport(@Args('input') input: CreateCaseReportInput): Promise<CaseReport> {
    return this.service.create(input);
  }

  @RequireRole('curator')
  @Mutation(() => CaseReport)
  updateCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string, @Args('input') input: UpdateCaseReportInput): Promise<CaseReport> {
    return this.service.update(id, input);
  }

  @RequireRole('curator')
  @Mutation(() => Boolean)
  deleteCaseReport(@Args('id', { type: () => ID }, IdArgPipe) id: string): Promise<boolean> {
    return this.service.delete(id);
  }
}

@Resolver(() => CaseProcedure)
export class CaseProcedureResolver {
  @ResolveField(() => VocabularyTerm)
  term(@Parent() procedure: CaseProcedure, @Context('loaders') loaders: RequestLoaders): Promise<VocabularyTerm> {
    return loaders.term.load(procedure.termId);
  }
}

@Resolver(() => CaseComplication)
export class CaseComplicationResolver {
  @ResolveField(() => VocabularyTerm)
  term(@Parent() complication: CaseComplication, @Context('loaders') loaders: RequestLoaders): Promise<VocabularyTerm> {
    return loaders.term.load(complication.termId);
  }

  @ResolveField(() => CaseProcedure, { nullable: true, description: 'The procedure this complication followed.' })
  async procedure(@Parent() complication: CaseComplication, @Context('loaders') loaders: RequestLoaders): Promise<CaseProcedure | null> {
    if (!complication.procedureId) return null;
    const procedures = await loaders.procedures.load(complication.caseReportId);
    return procedures.find((procedure) => procedure.id === complication.procedureId) ?? null;
  }

  @ResolveField(() => [VocabularyTerm])
  symptoms(@Parent() complication: CaseComplication, @Context('loaders') loaders: RequestLoaders): Promise<VocabularyTerm[]> {
    return loaders.symptoms.load(complication.id);
  }
}

@Resolver(() => CaseTreatment)
export class CaseTreatmentResolver {
  @ResolveField(() => VocabularyTerm)
  term(@Parent() treatment: CaseTreatment, @Context('loaders') loaders: RequestLoaders): Promise<VocabularyTerm> {
    return loaders.term.load(treatment.termId);
  }

  @ResolveField(() => CaseComplication, { nullable: true, description: 'The complication this treatment was for.' })
  async complication(@Parent() treatment: CaseTreatment, @Context('loaders') loaders: RequestLoaders): Promise<CaseComplication | null> {
    if (!treatment.complicationId) return null;
    const complications = await loaders.complications.load(treatment.caseReportId);
    return complications.find((complication) => complication.id === treatment.complicationId) ?? null;
  }
}
