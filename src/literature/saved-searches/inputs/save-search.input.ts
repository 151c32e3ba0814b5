import { Field, InputType } from '@nestjs/graphql';
import { SearchCaseReportsInput } from '../../../search/inputs/search-case-reports.input';

@InputType()
export class SaveSearchInput {
  @Field({ description: 'A name for the search, e.g. "EBP hematoma, MEDLINE strategy 2".' })
  name: string;

  @Field(() => SearchCaseReportsInput, { description: 'The search (text, filters, sort; paging and facets are not saved).' })
  search: SearchCaseReportsInput;

  @Field(() => String, { nullable: true, description: 'The literature review the search belongs to.' })
  review?: string | null;
}
