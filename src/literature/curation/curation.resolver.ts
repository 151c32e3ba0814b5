import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { PrincipalName } from '../../auth/principal-name.decorator';
import { RequireRole } from '../../auth/require-role.decorator';
import { CaseReport } from '../../case-reports/entities/case-report.entity';
import { CurationService } from './curation.service';
import { CaseReportOfPublicationInput } from './inputs/case-report-of-publication.input';

@Resolver()
export class CurationResolver {
  constructor(private readonly curation: CurationService) {}

  @RequireRole('curator')
  @Mutation(() => [CaseReport], { description: 'Turns one (imported) publication into one or several case reports, one per patient, in one transaction: all are created or none.' })
  createCaseReports(
    @Args('publicationId', { type: () => ID }) publicationId: string,
    @Args('inputs', { type: () => [CaseReportOfPublicationInput] }) inputs: CaseReportOfPublicationInput[],
    @PrincipalName() principal: string | null,
  ): Promise<CaseReport[]> {
    return this.curation.createCaseReports(publicationId, inputs, principal);
  }
}
