/** Codes a client can act on; they become GraphQL `extensions.code`. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';

export interface FieldError {
  /** Dotted path of the offending field, e.g. `input.complications.0.term`. */
  path: string;
  message: string;
}

/** An error whose message is safe to show to the client. Anything else is reported as INTERNAL_SERVER_ERROR. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class BadUserInputError extends DomainError {
  constructor(readonly fieldErrors: FieldError[]) {
    super('BAD_USER_INPUT', fieldErrors.map((error) => `${error.path}: ${error.message}`).join('; '), { fieldErrors });
  }

  static field(path: string, message: string): BadUserInputError {
    return new BadUserInputError([{ path, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} does not exist`, { entity, id });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}
