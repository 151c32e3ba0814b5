import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CaseReportHitConnection } from './case-report-hit-connection.model';
import { Facet } from './facet.model';
import type { CasePage } from '../../case-reports/case-page.reader';
import type { SearchCaseReportsInput } from '../inputs/search-case-reports.input';
import type { SearchUnderstanding } from '../understanding/models/search-understanding.model';

@ObjectType()
export class CaseReportSearchResult {
  @Field(() => Int)
  totalCases: number;

  @Field(() => Int, { description: 'Distinct publications of the matching cases.' })
  totalPublications: number;

  @Field(() => CaseReportHitConnection)
  hits: CaseReportHitConnection;

  @Field(() => [Facet])
  facets: Facet[];

  /** Not in the schema: the hits' cases with what the selection shows of them, read ahead (primed into the request's loaders). */
  casePage?: CasePage;

  /** Not in the schema: the search as run and what was read from its text, for the `understanding` and `noResultsHelp` fields. */
  searched?: { input: SearchCaseReportsInput; asked: SearchCaseReportsInput; understanding: SearchUnderstanding | null };
}
