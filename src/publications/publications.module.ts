import { Module } from '@nestjs/common';
import { PublicationsRepository } from './publications.repository';
import { PublicationsResolver } from './publications.resolver';
import { PublicationsService } from './publications.service';

@Module({ providers: [PublicationsRepository, PublicationsService, PublicationsResolver], exports: [PublicationsRepository, PublicationsService] })
export class PublicationsModule {}
