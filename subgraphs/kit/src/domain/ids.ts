// Identifier formats every agency checks before it queries (a malformed id is the client's
// mistake, answered with BAD_USER_INPUT, never a PostgreSQL cast error).

/** A UUID in canonical text form, any version, either case: what PostgreSQL's `uuid` accepts. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** An application number: 8 digits, as on the e-visa portal (migration issues them). */
export const APPLICATION_NUMBER_PATTERN = /^[0-9]{8}$/;
