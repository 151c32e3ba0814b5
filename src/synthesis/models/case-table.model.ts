import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseTableColumn } from '../case-table/case-table-column';

@ObjectType()
export class CaseTableColumnInfo {
  @Field(() => CaseTableColumn)
  column: CaseTableColumn;

  @Field({ description: 'The column heading the downloads write.' })
  header: string;

  @Field()
  description: string;
}

@ObjectType({ description: 'One patient: the cells in the order of the requested columns ("NR": not reported).' })
export class CaseTableRow {
  @Field(() => ID)
  caseReportId: string;

  @Field(() => ID)
  publicationId: string;

  @Field({ description: 'Pass as `after` to continue after this row.' })
  cursor: string;

  @Field(() => [String])
  cells: string[];
}

@ObjectType()
export class CaseTablePageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'The case table of a search, one page of patients, in the search\'s order.' })
export class CaseTable {
  @Field(() => [CaseTableColumnInfo])
  columns: CaseTableColumnInfo[];

  @Field(() => Int)
  totalCases: number;

  @Field(() => Int)
  totalPublications: number;

  @Field(() => [CaseTableRow])
  rows: CaseTableRow[];

  @Field(() => CaseTablePageInfo)
  pageInfo: CaseTablePageInfo;
}
