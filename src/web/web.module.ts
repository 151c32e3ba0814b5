import { Module } from '@nestjs/common';
import { ExplorerController } from './explorer/explorer.controller';
import { SearchPageController } from './search-page.controller';

@Module({ controllers: [ExplorerController, SearchPageController] })
export class WebModule {}
