/**
 * The API's errors: one JSON shape, `{ "error": { "code", "message" } }`,
 * whatever went wrong, so clients handle them in one place.
 */
export const ERROR_CODES = [
  "invalid_parameter",
  "unknown_parameter",
  "page_out_of_range",
  "not_found",
  "method_not_allowed",
  "rate_limited",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorBody = { error: { code: ErrorCode; message: string } };

/** Thrown by parsers and loaders; the route wrapper turns it into a response. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export const badParameter = (message: string) => new ApiError(400, "invalid_parameter", message);
export const notFound = (message: string) => new ApiError(404, "not_found", message);
