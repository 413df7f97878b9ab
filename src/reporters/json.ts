import type { GradeEventSink } from '../core/events.js';
import type { GradeReport, StepReport, SubmissionReport } from '../grading/report.js';

/** The version of the JSON report; a consumer checks it before reading anything else. */
export const REPORT_SCHEMA = 'resume-lab/report@1';

/** A check in the JSON report. */
export interface JsonCheck {
  name: string;
  status: 'pass' | 'fail';
  message: string;
  expected: string | null;
  actual: string | null;
}

/** A step in the JSON report. */
export interface JsonStep {
  id: string;
  title: string;
  status: 'pass' | 'fail' | 'error';
  /** Earlier steps whose reference solution stood in for the learner's failed code. */
  stood_in: string[];
  duration_ms: number;
  checks: JsonCheck[];
  /** The learner's output, lines joined with "\n". */
  output: string;
  output_truncated: boolean;
  error: {
    kind: string;
    name: string;
    message: string;
    file: string | null;
    line: number | null;
    column: number | null;
    explanation: string | null;
  } | null;
}

/** A submission in the JSON report. */
export interface JsonSubmission {
  file: string;
  status: 'pass' | 'fail' | 'error';
  score: number;
  max_score: number;
  duration_ms: number;
  steps: JsonStep[];
  /** `run` 1 is the learner's own code; each later run rebuilt the state with stand-ins (see `stood_in`). */
  timeline: { run: number; step: string; kind: string; stream: number | null; order: string | null }[];
}

/** The JSON report of `resume-lab grade --format json` (ARCHITECTURE.md section 6). */
export interface JsonReport {
  schema: typeof REPORT_SCHEMA;
  tool: { name: 'resume-lab'; version: string };
  lesson: { id: string; title: string; format_version: number };
  target: { kind: string; server_version: string | null };
  seed: number;
  timeout_ms: number;
  /** pass when every submission passed. */
  status: 'pass' | 'fail';
  submissions: JsonSubmission[];
}

/** Writes the JSON document once the report is complete; the intermediate events carry nothing it needs. */
export function jsonGradeRenderer(write: (text: string) => void): GradeEventSink {
  return (event) => {
    if (event.type === 'report') write(`${JSON.stringify(toJsonReport(event.report), null, 2)}\n`);
  };
}

/** The report model in the documented JSON shape: snake_case names, null for absent values, whole milliseconds. */
export function toJsonReport(report: GradeReport): JsonReport {
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'resume-lab', version: report.toolVersion },
    lesson: { id: report.lesson.id, title: report.lesson.title, format_version: report.lesson.formatVersion },
    target: { kind: report.target.kind, server_version: report.target.serverVersion ?? null },
    seed: report.seed,
    timeout_ms: report.timeoutMs,
    status: report.submissions.every((s) => s.status === 'pass') ? 'pass' : 'fail',
    submissions: report.submissions.map(jsonSubmission),
  };
}

function jsonSubmission(submission: SubmissionReport): JsonSubmission {
  return {
    file: submission.file,
    status: submission.status,
    score: submission.score,
    max_score: submission.maxScore,
    duration_ms: Math.round(submission.durationMs),
    steps: submission.steps.map(jsonStep),
    timeline: submission.timeline.map((e) => ({ run: e.run, step: e.step, kind: e.kind, stream: e.stream ?? null, order: e.order ?? null })),
  };
}

function jsonStep(step: StepReport): JsonStep {
  const error = step.error;
  return {
    id: step.id,
    title: step.title,
    status: step.status,
    stood_in: [...step.stoodIn],
    duration_ms: Math.round(step.durationMs),
    checks: step.checks.map((c) => ({ name: c.name, status: c.status, message: c.message, expected: c.expected ?? null, actual: c.actual ?? null })),
    output: step.output.join('\n'),
    output_truncated: step.outputTruncated,
    error:
      error === undefined
        ? null
        : {
            kind: error.kind,
            name: error.name,
            message: error.message,
            file: error.file ?? null,
            line: error.line ?? null,
            column: error.column ?? null,
            explanation: error.explanation ?? null,
          },
  };
}
