import { Global, Module } from '@nestjs/common';
import { PRISMA_SCREENING } from '../literature/export/serialisers/prisma-flow';
import { LiteratureModule } from '../literature/literature.module';
import { PublicationsModule } from '../publications/publications.module';
import { ReviewResolver } from './review.resolver';
import { ScreeningRepository } from './screening/screening.repository';
import { ScreeningService } from './screening/screening.service';

/**
 * Reviews: screening decisions per reviewer, conflicts and their resolution, PRISMA counts. Global for
 * one provider: PRISMA_SCREENING, the screening numbers the literature module's PRISMA export draws
 * (literature cannot import this module, which imports it).
 */
@Global()
@Module({
  imports: [PublicationsModule, LiteratureModule],
  providers: [ScreeningRepository, ScreeningService, ReviewResolver, { provide: PRISMA_SCREENING, useExisting: ScreeningService }],
  exports: [ScreeningService, PRISMA_SCREENING],
})
export class ReviewModule {}
