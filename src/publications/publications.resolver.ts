import { IdArgPipe } from '../common/id-arg.pipe';
import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../auth/require-role.decorator';
import { CaseReport } from '../case-reports/entities/case-report.entity';
import { PageArgs } from '../common/pagination/connection';
import { GraphqlContext } from '../graphql/request-loaders';
import { CreatePublicationInput, UpdatePublicationInput } from './inputs/publication.input';
import { PublicationConnection } from './models/publication-connection.model';
import { Publication } from './publication.entity';
import { PublicationsService } from './publications.service';

@Resolver(() => Publication)
export class PublicationsResolver {
  constructor(private readonly service: PublicationsService) {}

  @Query(() => Publication)
  publication(@Args('id', { type: () => ID }, IdArgPipe) id: string): Promise<Publication> {
    return this.service.get(id);
  }

  @Query(() => PublicationConnection, { description: 'All publications, newest first.' })
  publications(@Args() page: PageArgs): Promise<PublicationConnection> {
    return this.service.list(page.first, page.after);
  }

  @ResolveField(() => [CaseReport], { description: 'The patients this publication describes.' })
  caseReports(publication: Publication, _args: unknown, { loaders }: GraphqlContext): Promise<CaseReport[]> {
    return loaders.caseReportsOfPublication.load(publication.id);
  }

  @RequireRole('curator')
  @Mutation(() => Publication)
  createPublication(@Args('input') input: CreatePublicationInput): Promise<Publication> {
    return this.service.create(input);
  }

  @RequireRole('curator')
  @Mutation(() => Publication)
  updatePublication(@Args('id', { type: () => ID }, IdArgPipe) id: string, @Args('input') input: UpdatePublicationInput): Promise<Publication> {
    return this.service.update(id, input);
  }

  @RequireRole('admin')
  @Mutation(() => Boolean, { description: 'Deletes the publication and all its case reports (admin only: it removes curated work).' })
  deletePublication(@Args('id', { type: () => ID }, IdArgPipe) id: string): Promise<boolean> {
    return this.service.delete(id);
  }
}
