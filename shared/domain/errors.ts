/**
 * Domain errors. Handlers and domain modules throw these; one middleware maps them to the
 * contract's error body (`{"error": {"code", "message", "details"}}`) and status code.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super(400, 'validation_failed', message, details);
  }
}

export class BadRequest extends DomainError {
  constructor(code: string, message: string, details?: ErrorDetail[]) {
    super(400, code, message, details);
  }
}

export class Unauthenticated extends DomainError {
  constructor(message = 'Authentication required', details?: ErrorDetail[]) {
    super(401, 'unauthenticated', message, details);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'Not allowed') {
    super(403, 'forbidden', message);
  }
}

export class NotFound extends DomainError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

export class Conflict extends DomainError {
  constructor(message = 'Conflict') {
    super(409, 'conflict', message);
  }
}

export class VersionMismatch extends DomainError {
  constructor(message = 'The resource has changed since you read it; reload and try again') {
    super(412, 'version_mismatch', message);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(message = 'Request body is larger than 64 KB') {
    super(413, 'payload_too_large', message);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(message = 'Send the body as application/json') {
    super(415, 'unsupported_media_type', message);
  }
}

export class PreconditionRequired extends DomainError {
  constructor(message = 'Send If-Match with the version you read') {
    super(428, 'precondition_required', message);
  }
}

export class RateLimited extends DomainError {
  /** Sent as `Retry-After`: when the caller may try again. */
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds = 1, message = 'Too many requests; try again later') {
    super(429, 'rate_limited', message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}
