/**
 * The typed errors of the review tooling. Each names the bad input and what to do about it; the CLI
 * prints the message and exits with code 2 (a usage or environment problem, not a failed check).
 */

/** Base class of every error this package throws on purpose. */
export class SpecReviewError extends Error {
  override name = 'SpecReviewError';
}

/** The working directory is not inside a git work tree. */
export class NotAGitRepositoryError extends SpecReviewError {
  override name = 'NotAGitRepositoryError';
  constructor(
    readonly cwd: string,
    cause?: unknown,
  ) {
    super(`${cwd} is not inside a git work tree; spec:diff compares the spec with a git ref, so run it from a clone.`, {
      cause,
    });
  }
}

/** The requested base ref, or every default candidate, does not resolve to a commit. */
export class BaseRefNotFoundError extends SpecReviewError {
  override name = 'BaseRefNotFoundError';
  constructor(
    readonly tried: string[],
    readonly explicit: boolean,
  ) {
    super(
      explicit
        ? `Base ref "${tried[0]}" does not name a commit in this repository. Pass a branch, tag or commit ` +
            '(for example `origin/main` after `git fetch origin main`, or `HEAD~1`).'
        : `Neither ${tried.map((t) => `"${t}"`).join(' nor ')} names a commit: this clone has no remote ` +
            'main branch and no parent commit (a fresh repository or a depth-1 clone). Fetch the base ' +
            '(`git fetch origin main`) or pass a ref explicitly: `pnpm spec:diff <base-ref>`.',
    );
  }
}

/** A git command failed for a reason other than a missing ref. */
export class GitCommandError extends SpecReviewError {
  override name = 'GitCommandError';
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr.trim() || 'no output'}`);
  }
}

/** A spec document could not be parsed or is not an OpenAPI 3.x document. */
export class SpecParseError extends SpecReviewError {
  override name = 'SpecParseError';
  constructor(
    readonly source: string,
    detail: string,
    cause?: unknown,
  ) {
    super(`${source}: ${detail}`, { cause });
  }
}

/** A spec document parses but breaks a rule of OpenAPI that the comparison relies on. */
export class InvalidSpecError extends SpecReviewError {
  override name = 'InvalidSpecError';
  constructor(
    readonly source: string,
    detail: string,
  ) {
    super(`${source} is not a valid OpenAPI document: ${detail}`);
  }
}

/** A `$ref` points at something that does not exist. */
export class UnresolvedRefError extends SpecReviewError {
  override name = 'UnresolvedRefError';
  constructor(
    readonly ref: string,
    readonly from: string,
  ) {
    super(`$ref "${ref}" in ${from} does not resolve to anything; fix the reference or add its target.`);
  }
}

/** A changeset file has malformed front matter, an unknown bump type or no summary. */
export class ChangesetFormatError extends SpecReviewError {
  override name = 'ChangesetFormatError';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** A command-line argument or option is invalid. */
export class UsageError extends SpecReviewError {
  override name = 'UsageError';
}

/** A tool this package runs (Redocly, pnpm, attw) failed to start or crashed. */
export class ToolFailedError extends SpecReviewError {
  override name = 'ToolFailedError';
  constructor(
    readonly tool: string,
    detail: string,
  ) {
    super(`${tool} failed: ${detail}`);
  }
}

/** The rendered reference would load something from the network. */
export class DocsNotOfflineError extends SpecReviewError {
  override name = 'DocsNotOfflineError';
  constructor(readonly urls: string[]) {
    super(
      `The rendered reference loads ${urls.join(', ')} from the network; it must be self-contained ` +
        '(build with --inlineBundle and the offline template).',
    );
  }
}
