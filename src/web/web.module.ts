import { Module } from '@nestjs/common';
import { ExplorerController } from './explorer/explorer.controller';

@Module({ controllers: [ExplorerController] })
export class WebModule {}
