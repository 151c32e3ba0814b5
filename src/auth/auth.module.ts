import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DomainErrorFilter } from '../common/errors/domain-error.filter';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyService } from './api-key.service';
import { BrowserSessionsRepository } from './session/browser-sessions.repository';
import { SessionController } from './session/session.controller';
import { SessionsService } from './session/sessions.service';

@Global()
@Module({
  controllers: [SessionController],
  providers: [ApiKeyService, BrowserSessionsRepository, SessionsService, { provide: APP_GUARD, useClass: ApiKeyGuard }, { provide: APP_FILTER, useClass: DomainErrorFilter }],
  exports: [ApiKeyService, SessionsService],
})
export class AuthModule {}
