import { Module } from '@nestjs/common';
import { VocabularyRepository } from './vocabulary.repository';
import { VocabularyResolver } from './vocabulary.resolver';
import { VocabularyService } from './vocabulary.service';

@Module({ providers: [VocabularyRepository, VocabularyService, VocabularyResolver], exports: [VocabularyRepository, VocabularyService] })
export class VocabularyModule {}
