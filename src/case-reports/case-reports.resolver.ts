import { IdArgPipe } from '../common/id-arg.pipe';
import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PageArgs } from '../common/pagination/connection';
import { GraphqlContext } from '../graphql/request-loaders';
import { Publication } from '../publications/publication.entity';
import { VocabularyTerm } from '../vocabulary/vocabulary-term.entity';
import { CaseReportsService } from './case-reports.service';
import { CaseComplication } from './entities/case-complication.entity';
import { CaseProcedure } from './entities/case-procedure.entity';
import { CaseReport } from './entities/case-report.entity';
import { CaseTreatment } from './entities/case-treatment.entity';
import { CaseReportConnection } from './models/case-report-connection.model';

// Field resolvers here take graphql's (parent, args, context) without parameter decorators: Nest then calls
// them directly (its fast field resolver path) instead of through its per-call context creator, which
// showed in search pages' CPU profiles (a page resolves ~100 of these fields).
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
  publication(caseReport: CaseReport, _args: unknown, { loaders }: GraphqlContext): Promise<Publication> {
    return loaders.publication.load(caseReport.publicationId);
  }

  @ResolveField(() => [CaseProcedure])
  procedures(caseReport: CaseReport, _args: unknown, { loaders }: GraphqlContext): Promise<CaseProcedure[]> {
    return loaders.procedures.load(caseReport.id);
  }

  @ResolveField(() => [CaseComplication])
  complications(caseReport: CaseReport, _args: unknown, { loaders }: GraphqlContext): Promise<CaseComplication[]> {
    return loaders.complications.load(caseReport.id);
  }

  @ResolveField(() => [CaseTreatment])
  treatments(caseReport: CaseReport, _args: unknown, { loaders }: GraphqlContext): Promise<CaseTreatment[]> {
    return loaders.treatments.load(caseReport.id);
  }

  @ResolveField(() => [VocabularyTerm])
  comorbidities(caseReport: CaseReport, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm[]> {
    return loaders.comorbidities.load(caseReport.id);
  }

  // Curators' changes (reviewCaseFact, confirmCaseReport, updateCaseReport, ...) are in src/review/history: each is versioned and recorded.
}

@Resolver(() => CaseProcedure)
export class CaseProcedureResolver {
  @ResolveField(() => VocabularyTerm)
  term(procedure: CaseProcedure, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm> {
    return loaders.term.load(procedure.termId);
  }
}

@Resolver(() => CaseComplication)
export class CaseComplicationResolver {
  @ResolveField(() => VocabularyTerm)
  term(complication: CaseComplication, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm> {
    return loaders.term.load(complication.termId);
  }

  @ResolveField(() => CaseProcedure, { nullable: true, description: 'The procedure this complication followed.' })
  async procedure(complication: CaseComplication, _args: unknown, { loaders }: GraphqlContext): Promise<CaseProcedure | null> {
    if (!complication.procedureId) return null;
    const procedures = await loaders.procedures.load(complication.caseReportId);
    return procedures.find((procedure) => procedure.id === complication.procedureId) ?? null;
  }

  @ResolveField(() => [VocabularyTerm])
  symptoms(complication: CaseComplication, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm[]> {
    return loaders.symptoms.load(complication.id);
  }
}

@Resolver(() => CaseTreatment)
export class CaseTreatmentResolver {
  @ResolveField(() => VocabularyTerm)
  term(treatment: CaseTreatment, _args: unknown, { loaders }: GraphqlContext): Promise<VocabularyTerm> {
    return loaders.term.load(treatment.termId);
  }

  @ResolveField(() => CaseComplication, { nullable: true, description: 'The complication this treatment was for.' })
  async complication(treatment: CaseTreatment, _args: unknown, { loaders }: GraphqlContext): Promise<CaseComplication | null> {
    if (!treatment.complicationId) return null;
    const complications = await loaders.complications.load(treatment.caseReportId);
    return complications.find((complication) => complication.id === treatment.complicationId) ?? null;
  }
}
