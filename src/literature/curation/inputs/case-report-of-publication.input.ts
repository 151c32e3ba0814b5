import { InputType, OmitType } from '@nestjs/graphql';
import { CreateCaseReportInput } from '../../../case-reports/inputs/case-report.input';

@InputType({ description: 'One patient of the publication being curated: a case report without its publicationId.' })
export class CaseReportOfPublicationInput extends OmitType(CreateCaseReportInput, ['publicationId'] as const, InputType) {}
