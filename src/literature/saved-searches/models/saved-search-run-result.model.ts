import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseReport } from '../../../case-reports/entities/case-report.entity';
import { CaseReportSearchResult } from '../../../search/models/case-report-search-result.model';
import { SavedSearchRun } from '../saved-search-run.entity';

/** At most this many new cases are returned whole; all their ids are listed. */
export const NEW_CASES_LISTED = 100;

@ObjectType({ description: 'A run of a saved search: the run logged, what is new since the previous run, and the first page of results.' })
export class SavedSearchRunResult {
  @Field(() => SavedSearchRun)
  run: SavedSearchRun;

  @Field(() => SavedSearchRun, { nullable: true, description: 'The run before this one; null on the first run (then every case is new).' })
  previousRun: SavedSearchRun | null;

  @Field({ description: 'True when the result set is the same as at the previous run (same fingerprint).' })
  unchanged: boolean;

  @Field(() => Int)
  newCaseCount: number;

  @Field(() => [ID], { description: 'Cases found now and not at the previous run.' })
  newCaseReportIds: string[];

  @Field(() => [CaseReport], { description: `The new cases (the first ${NEW_CASES_LISTED}).` })
  newCaseReports: CaseReport[];

  @Field(() => [ID], { description: 'Cases found at the previous run and not now (deleted, or changed so they no longer match).' })
  goneCaseReportIds: string[];

  @Field(() => CaseReportSearchResult, { description: 'The first page of results, as searchCaseReports answers it.' })
  results: CaseReportSearchResult;
}
