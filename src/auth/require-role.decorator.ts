import { SetMetadata } from '@nestjs/common';
import { ApiRole } from '../config/app-config';

export const REQUIRED_ROLE = 'requiredRole';

/** Marks a resolver as needing an API key with at least this role (`admin` includes `curator`). */
export const RequireRole = (role: ApiRole) => SetMetadata(REQUIRED_ROLE, role);
