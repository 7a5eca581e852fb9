// Errors in words: the API's extensions.code becomes a sentence a person can act on, followed by
// the server's own message (which names the rule). Never a stack trace or raw JSON.

export type ApiErrorShape = { message?: string; extensions?: { code?: string } };

const HEADLINES: Record<string, string> = {
  UNAUTHENTICATED: 'You are not signed in',
  FORBIDDEN: 'You may not do that',
  NOT_FOUND: 'Not found',
  INVALID_ARGUMENT: 'Please check what you entered',
  OUT_OF_STOCK: 'Not enough free items',
  POLICY_VIOLATION: 'Not allowed by the lease policy',
  CONFLICT: 'Something changed in the meantime',
  DISPENSER_FAILED: 'The dispenser could not provide it',
  INTERNAL: 'The server ran into a problem',
  NETWORK: 'The server cannot be reached',
};

/** An error the API answered, with its code. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
  static from(e: ApiErrorShape): ApiError {
    return new ApiError(e.extensions?.code ?? 'INTERNAL', cleanMessage(e.message ?? ''));
  }
}

/** The server's message without internal prefixes such as "input: ". */
function cleanMessage(m: string): string {
  return m.replace(/^input: /, '').trim();
}

export type Described = { code: string; headline: string; detail: string };

/** Describes any thrown value for a person. */
export function describeError(err: unknown): Described {
  const e = findApiError(err);
  if (e) {
    const headline = HEADLINES[e.code] ?? 'Something went wrong';
    let detail = e.message;
    if (e.code === 'INTERNAL') detail = 'Try again; if it keeps happening, tell an administrator.';
    if (e.code === 'OUT_OF_STOCK' && !detail) detail = 'Try fewer items or later.';
    return { code: e.code, headline, detail };
  }
  if (err instanceof TypeError) return { code: 'NETWORK', headline: HEADLINES.NETWORK, detail: 'Check your connection and try again.' };
  return { code: 'INTERNAL', headline: 'Something went wrong', detail: 'Try again; if it keeps happening, tell an administrator.' };
}

/** Relay wraps errors thrown by the network layer; this finds ours inside. */
export function findApiError(err: unknown): ApiError | null {
  let cur: unknown = err;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur instanceof ApiError) return cur;
    const c = cur as { source?: { errors?: ApiErrorShape[] }; cause?: unknown };
    if (c.source?.errors?.[0]) return ApiError.from(c.source.errors[0]);
    cur = c.cause;
  }
  return null;
}

/** Whether the error means the token no longer works. */
export function isUnauthenticated(err: unknown): boolean {
  return findApiError(err)?.code === 'UNAUTHENTICATED';
}
