import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { ApiRole } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ApiKeyService, ApiPrincipal } from './api-key.service';
import { REQUIRED_ROLE } from './require-role.decorator';

const ROLE_RANK: Record<ApiRole, number> = { curator: 1, admin: 2 };

export function requestOf(context: ExecutionContext): Request & { principal?: ApiPrincipal } {
  return context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
}

/** Global guard: open unless the handler asks for a role with @RequireRole. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<ApiRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (!required) return true;
    const request = requestOf(context);
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new DomainError('UNAUTHENTICATED', 'This operation needs an API key: send "Authorization: Bearer <key>".');
    const principal = this.apiKeys.authenticate(match[1]);
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'The API key is not valid.');
    if (ROLE_RANK[principal.role] < ROLE_RANK[required]) {
      throw new DomainError('FORBIDDEN', `This operation needs the role "${required}"; the key "${principal.name}" has "${principal.role}".`);
    }
    request.principal = principal;
    return true;
  }
}
