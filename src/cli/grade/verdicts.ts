import type { RunErrorKind } from '../../protocol/codes';

/** What a submission did on one case. */
export type Verdict =
  /** Its result was the expected one (or the checker said so). */
  | 'pass'
  /** It finished with another result. */
  | 'wrong'
  /** It threw, or used something it may not (a permission, a bad call). */
  | 'error'
  /** It never ran: a syntax error, a forbidden import or syntax. */
  | 'refused'
  /** It ran past a limit (time, steps, CPU, graph operations, trace memory) or was stopped. */
  | 'limit'
  /** It overflowed the stack or its worker's heap. */
  | 'memory';

/** One case's outcome for one submission. */
export interface CaseReport {
  /** The case's name. */
  case: string;
  /** What happened. */
  verdict: Verdict;
  /** The run's stable error code, when it failed (docs/EXECUTOR.md). */
  code?: string;
  /** Why it is not a pass, in words. */
  message?: string;
  /** Milliseconds from submitting the run to its answer (checker included). */
  ms: number;
}

/** One submission's outcomes. */
export interface SubmissionReport {
  /** The submission's file, as given. */
  submission: string;
  /** Every case passed. */
  passed: boolean;
  /** Cases passed, of all: `3/4`. */
  score: string;
  /** Per case. */
  cases: CaseReport[];
}

/** `stepgraph grade`'s answer (docs/GRADING.md). */
export interface GradeReport {
  /** The exercise's name. */
  exercise: string;
  /** Milliseconds the whole grading took. */
  wallMs: number;
  /** Counts over every submission. */
  totals: {
    /** Submissions graded. */
    submissions: number;
    /** Submissions that passed every case. */
    passed: number;
    /** Cases run (submissions × cases). */
    cases: number;
    /** Cases answered wrongly. */
    failures: number;
    /** Cases that ended in an error, a refusal, a limit or memory. */
    errors: number;
  };
  /** Per submission, in the order given. */
  submissions: SubmissionReport[];
}

/** The verdict of a run that failed, by its error's kind. */
export function failedVerdict(kind: RunErrorKind): Verdict {
  switch (kind) {
    case 'init':
    case 'prep':
      return 'refused';
    case 'limit':
    case 'stopped':
      return 'limit';
    case 'memory':
      return 'memory';
    case 'runner':
    case 'internal':
      return 'error';
  }
}
