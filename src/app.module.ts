import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { CaseReportsModule } from './case-reports/case-reports.module';
import { HttpErrorFilter } from './common/errors/http-error.filter';
import { DemoDataModule } from './case-reports/demo/demo-data.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { ExtractionModule } from './extraction/extraction.module';
import { HealthModule } from './health/health.module';
import { LiteratureModule } from './literature/literature.module';
import { MetricsModule } from './metrics/metrics.module';
import { PublicationsModule } from './publications/publications.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { CaseHistoryModule } from './review/history/case-history.module';
import { OutboxModule } from './search/indexing/outbox.module';
import { ReviewModule } from './review/review.module';
import { SearchModule } from './search/search.module';
import { SynthesisModule } from './synthesis/synthesis.module';
import { VocabularyModule } from './vocabulary/vocabulary.module';
import { WebModule } from './web/web.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use: DATABASE_URL, or the embedded server started by main.ts. */
  databaseUrl: string;
  poolSize: number;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, poolSize }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      // Errors outside GraphQL's pipeline (unparseable bodies, unknown routes) answer with a code and a message.
      providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        TypeOrmModule.forRoot({ ...buildDataSourceOptions({ url: databaseUrl, poolSize }), migrationsRun: true }),
        DatabaseModule,
        OutboxModule,
        AuthModule,
        RateLimitModule,
        VocabularyModule,
        PublicationsModule,
        CaseReportsModule,
        CaseHistoryModule,
        SearchModule,
        ExtractionModule,
        LiteratureModule,
        SynthesisModule,
        ReviewModule,
        DemoDataModule,
        GraphqlApiModule,
        HealthModule,
        WebModule,
      ],
    };
  }
}
