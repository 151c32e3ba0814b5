import { GraphQLResolveInfo } from 'graphql';
import { CasePageParts, FactKind } from '../case-reports/case-page.reader';
import { selectedFieldNames } from '../graphql/selection';

const FACT_KINDS: FactKind[] = ['procedures', 'complications', 'treatments'];
const CASE_PATH = ['hits', 'edges', 'node', 'caseReport'];

/** What a searchCaseReports selection shows of each hit's case, so the page is read in one statement with the hits. */
export function casePagePartsOf(info: GraphQLResolveInfo): CasePageParts {
  const caseFields = selectedFieldNames(info, CASE_PATH);
  const facts = Object.fromEntries(FACT_KINDS.filter((kind) => caseFields.has(kind)).map((kind) => [kind, true]));
  return {
    publication: caseFields.has('publication'),
    facts,
    factTerms: FACT_KINDS.some((kind) => facts[kind] && selectedFieldNames(info, [...CASE_PATH, kind]).has('term')),
  };
}
