import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { ApiRole } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { ApiKeyService, ApiPrincipal } from './api-key.service';
import { REQUIRED_ROLE } from './require-role.decorator';
import { CSRF_HEADER, CSRF_HEADER_VALUE, hasCsrfHeader, sessionToken } from './session/session-cookie';
import { SessionsService } from './session/sessions.service';

const ROLE_RANK: Record<ApiRole, number> = { curator: 1, admin: 2 };

export type AuthenticatedRequest = Request & { principal?: ApiPrincipal; principalVia?: 'api-key' | 'session'; principalChecked?: boolean };

export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  return context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
}

/**
 * Global guard: open unless the handler asks for a role with @RequireRole. Two credentials:
 * `Authorization: Bearer <API key>` (scripts, the API), or the workspace's session cookie. The cookie
 * is sent by the browser on its own, so it authenticates a protected operation only together with
 * `X-Requested-With: case-report-search`, a header no cross-site form can send (CSRF). On open
 * operations a valid credential is still recognised (PrincipalName), an invalid one ignored.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<ApiRole | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    const request = requestOf(context);
    if (!request) return true;
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = sessionToken(request);
    if (!required) {
      // Once per request: a query with several open root fields looks the session up once.
      if (!request.principalChecked) await this.recognise(request, bearer?.[1] ?? null, token);
      return true;
    }
    let principal: ApiPrincipal | null;
    if (bearer) {
      principal = this.apiKeys.authenticate(bearer[1]);
      if (!principal) throw new DomainError('UNAUTHENTICATED', 'The API key is not valid.');
      request.principalVia = 'api-key';
    } else if (token) {
      principal = (await this.sessions.find(token))?.principal ?? null;
      if (!principal) throw new DomainError('UNAUTHENTICATED', 'The session has ended or expired: sign in again.');
      if (!hasCsrfHeader(request)) {
        throw new DomainError('FORBIDDEN', `A change made with the session cookie needs the header "${CSRF_HEADER}: ${CSRF_HEADER_VALUE}" (cross-site requests are refused).`, { reason: 'CSRF' });
      }
      request.principalVia = 'session';
    } else {
      throw new DomainError('UNAUTHENTICATED', 'This operation needs an API key: send "Authorization: Bearer <key>", or sign in at /workspace.');
    }
    if (ROLE_RANK[principal.role] < ROLE_RANK[required]) {
      throw new DomainError('FORBIDDEN', `This operation needs the role "${required}"; the key "${principal.name}" has "${principal.role}".`);
    }
    request.principal = principal;
    return true;
  }

  private async recognise(request: AuthenticatedRequest, key: string | null, token: string | null): Promise<void> {
    request.principalChecked = true;
    const principal = key ? this.apiKeys.authenticate(key) : token ? ((await this.sessions.find(token))?.principal ?? null) : null;
    if (principal) {
      request.principal = principal;
      request.principalVia = key ? 'api-key' : 'session';
    }
  }
}
