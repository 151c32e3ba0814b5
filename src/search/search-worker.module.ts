import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { buildDataSourceOptions } from '../database/data-source-options';
import { DatabaseModule } from '../database/database.module';
import { OutboxModule } from './indexing/outbox.module';
import { SearchModule } from './search.module';

/** What `npm run worker` boots: the database and the search module, no HTTP server. */
@Module({})
export class SearchWorkerModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: SearchWorkerModule,
      imports: [ConfigModule.forRoot(config), TypeOrmModule.forRoot(buildDataSourceOptions({ url: databaseUrl, poolSize: Math.min(4, config.DATABASE_POOL_SIZE) })), DatabaseModule, OutboxModule, SearchModule],
    };
  }
}
