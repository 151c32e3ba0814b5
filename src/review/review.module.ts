import { Module } from '@nestjs/common';
import { LiteratureModule } from '../literature/literature.module';
import { PublicationsModule } from '../publications/publications.module';
import { ReviewResolver } from './review.resolver';
import { ScreeningRepository } from './screening/screening.repository';
import { ScreeningService } from './screening/screening.service';

/** Reviews: screening decisions per reviewer, conflicts and their resolution, PRISMA counts. */
@Module({ imports: [PublicationsModule, LiteratureModule], providers: [ScreeningRepository, ScreeningService, ReviewResolver], exports: [ScreeningService] })
export class ReviewModule {}
