import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../auth/require-role.decorator';
import { ExtractionService } from './extraction.service';
import { ExtractCasesInput } from './inputs/extract-cases.input';
import { ExtractionRun } from './models/extraction-run.model';

@Resolver()
export class ExtractionResolver {
  constructor(private readonly extraction: ExtractionService) {}

  @RequireRole('curator')
  @Mutation(() => ExtractionRun, { description: 'Proposes (again) the patients of publications as SUGGESTED case reports. Re-runnable: curated cases and reviewed facts are never overwritten.' })
  extractCases(@Args('input') input: ExtractCasesInput): Promise<ExtractionRun> {
    return this.extraction.run(input);
  }
}
