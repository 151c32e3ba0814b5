import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DomainErrorFilter } from '../common/errors/domain-error.filter';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyService } from './api-key.service';

@Global()
@Module({ providers: [ApiKeyService, { provide: APP_GUARD, useClass: ApiKeyGuard }, { provide: APP_FILTER, useClass: DomainErrorFilter }], exports: [ApiKeyService] })
export class AuthModule {}
