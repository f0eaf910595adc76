/**
 * The runner's exit codes (docs/analysts.md, "The query runner"). A script may rely on them:
 * 0 and 130 leave a consistent output, the others say why nothing (more) was written.
 */
export const EXIT = {
  /** Every row written; the progress file removed. */
  OK: 0,
  /** Something unexpected (a bug or the machine): the message says what. */
  FAILED: 1,
  /** Bad arguments, an unreadable operation or variables file, an output that cannot be written, a progress file of another export: nothing was sent. */
  USAGE: 2,
  /** The operation is refused before anything is sent: invalid, personal fields, or no rows to follow. */
  REFUSED: 3,
  /** The graph answered with an error that a retry does not cure (e.g. FORBIDDEN, UNAUTHENTICATED, BAD_USER_INPUT). */
  GRAPH_ERROR: 4,
  /** The graph stayed unreachable or busy through every retry; re-running the command resumes. */
  UNAVAILABLE: 5,
  /** Interrupted (Ctrl-C): stopped after a committed page; re-running the command resumes. */
  INTERRUPTED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the runner explains to its user: the message is printed as is, the code is the exit code. */
export class RunnerError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'RunnerError';
  }
}
