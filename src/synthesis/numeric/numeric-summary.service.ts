import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors/domain-error';
import { SearchCaseReportsInput } from '../../search/inputs/search-case-reports.input';
import { MatchingDocuments } from '../../search/matching-documents';
import { SearchService } from '../../search/search.service';
import { NumericSummary, summariseNumbers } from '../statistics/numeric-summary';
import { wholeSearch } from '../synthesis-search';
import { NUMERIC_FIELDS, NumericField } from './numeric-field';

export interface CaseNumericSummary extends NumericSummary {
  field: NumericField;
  unit: string;
  totalCases: number;
  /** Cases with at least one value. */
  casesWithValue: number;
}

/** caseNumericSummary: the values of every matching case (exact: read case by case), summarised. */
@Injectable()
export class NumericSummaryService {
  constructor(
    private readonly search: SearchService,
    private readonly matching: MatchingDocuments,
  ) {}

  async summary(input: SearchCaseReportsInput | null | undefined, field: NumericField, interval: number | null | undefined): Promise<CaseNumericSummary> {
    const definition = NUMERIC_FIELDS[field];
    const width = interval ?? definition.interval;
    if (!(width > 0) || !Number.isFinite(width)) throw BadUserInputError.field('interval', 'must be a positive number');
    const query = await this.search.toQuery(wholeSearch(input));
    const values: number[] = [];
    let totalCases = 0;
    let casesWithValue = 0;
    for await (const page of this.matching.pages(query)) {
      for (const matching of page) {
        const own = definition.valuesOf(matching);
        totalCases++;
        if (own.length) casesWithValue++;
        values.push(...own);
      }
    }
    let summary: NumericSummary;
    try {
      // Missing: the cases without any value (a case with two patches of unknown volume is one missing case).
      summary = summariseNumbers(values, width, totalCases - casesWithValue);
    } catch (error) {
      if (error instanceof RangeError) throw BadUserInputError.field('interval', error.message);
      throw error;
    }
    return { ...summary, field, unit: definition.unit, totalCases, casesWithValue };
  }
}
