import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ApiRole } from '../config/app-config';

export interface ApiPrincipal {
  name: string;
  role: ApiRole;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Checks API keys from configuration. Compares digests in constant time and never logs a key. */
@Injectable()
export class ApiKeyService implements OnModuleInit {
  private readonly logger = new Logger(ApiKeyService.name);
  private readonly keys: { principal: ApiPrincipal; digest: Buffer }[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = config.API_KEYS.map((entry) => ({ principal: { name: entry.name, role: entry.role }, digest: digest(entry.key) }));
  }

  onModuleInit(): void {
    if (this.keys.length === 0) {
      this.logger.warn('API_KEYS is empty: reading works, every mutation will answer UNAUTHENTICATED. Set API_KEYS=name:role:key to curate.');
    }
  }

  /** The principal owning `presented`, or null. Every configured key is compared, so timing reveals nothing. */
  authenticate(presented: string): ApiPrincipal | null {
    const candidate = digest(presented);
    let match: ApiPrincipal | null = null;
    for (const key of this.keys) {
      if (timingSafeEqual(candidate, key.digest)) match = key.principal;
    }
    return match;
  }

  /** The configured principal of this name (a session checks that its key still exists with its role). */
  principalNamed(name: string): ApiPrincipal | null {
    return this.keys.find((key) => key.principal.name === name)?.principal ?? null;
  }
}
