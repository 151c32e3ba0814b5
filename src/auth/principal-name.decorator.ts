import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from './api-key.guard';

/** The name of the API key that authenticated the request (set by the guard on @RequireRole handlers); null when none. */
export const PrincipalName = createParamDecorator((_: unknown, context: ExecutionContext): string | null => requestOf(context).principal?.name ?? null);
