import { displayPath } from '../core/errors.js';
import type { GradeEventSink } from '../core/events.js';
import type { GradeReport, StepReport, SubmissionReport } from '../grading/report.js';
import { orderFates } from '../grading/timeline.js';
import { style, type Style } from './style.js';

/** Output lines shown per step; the JSON report has them all. */
const MAX_OUTPUT_LINES = 10;

/**
 * The human report of `resume-lab grade`: each step as soon as it is graded, then the orders' timeline and the
 * score. Colour only when asked for (the caller honours --no-color, NO_COLOR and non-terminals).
 */
export function prettyGradeRenderer(write: (text: string) => void, options: { color: boolean }): GradeEventSink {
  const s = style(options.color);
  let stepNumber = 0;
  return (event) => {
    switch (event.type) {
      case 'submission-started':
        stepNumber = 0;
        write(`${s.bold(displayPath(event.file))} ${s.dim(`(lesson ${event.lesson}, ${event.steps} steps)`)}\n`);
        return;
      case 'step-graded':
        write(renderStep(event.step, ++stepNumber, s));
        return;
      case 'report':
        write(renderSummary(event.report, s));
        return;
    }
  };
}

function renderStep(step: StepReport, n: number, s: Style): string {
  const mark = step.status === 'pass' ? s.green('✓') : s.red('✗');
  const verdict = step.status === 'error' ? s.red(' error') : '';
  const lines = [`  ${mark} ${n}. ${step.title} ${s.dim(`[${step.id}]`)}${verdict} ${s.dim(`${Math.round(step.durationMs)} ms`)}`];
  if (step.stoodIn.length > 0) {
    lines.push(s.dim(`      graded with the reference solution standing in for your failed step${step.stoodIn.length > 1 ? 's' : ''} ${step.stoodIn.join(', ')}`));
  }
  if (step.error !== undefined) {
    const { file, line, column, name, message, explanation } = step.error;
    const at = file !== undefined && line !== undefined ? `${displayPath(file)}:${line}${column === undefined ? '' : `:${column}`}: ` : '';
    lines.push(`      ${s.red(`${at}${name}: ${message}`)}`);
    if (explanation !== undefined) lines.push(`      ${s.yellow('hint:')} ${explanation}`);
  }
  if (step.status !== 'pass') {
    for (const check of step.checks) {
      lines.push(`      ${check.status === 'pass' ? s.green('✓') : s.red('✗')} ${check.name}: ${check.message}`);
    }
    if (step.output.length > 0) {
      lines.push(s.dim('      output:'));
      for (const text of step.output.slice(0, MAX_OUTPUT_LINES)) lines.push(s.dim(`      | ${text}`));
      if (step.output.length > MAX_OUTPUT_LINES || step.outputTruncated) lines.push(s.dim('      | …'));
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderSummary(report: GradeReport, s: Style): string {
  return report.submissions.map((submission) => `${renderTimeline(submission, s)}${renderScore(submission, report, s)}`).join('');
}

/** Per run, one line per order: the step it was inserted in and what reached the learner's listeners. */
function renderTimeline(submission: SubmissionReport, s: Style): string {
  const fates = orderFates(submission.timeline);
  if (fates.length === 0) return '';
  const width = Math.max(...fates.map((f) => f.insertedIn.length));
  const lines: string[] = [];
  let run = 0;
  for (const fate of fates) {
    if (fate.run !== run) lines.push(runHeading((run = fate.run), submission, s));
    const held = fate.heldOn.map((stream) => `held by the outage on stream ${stream}`);
    const delivered = [...new Set(fate.deliveredOn)].map((stream) => {
      const times = fate.deliveredOn.filter((d) => d === stream).length;
      return `delivered on stream ${stream}${times > 1 ? ` ${times} times` : ''}`;
    });
    const verdict = fate.deliveredOn.length === 0 ? s.red(' LOST') : fate.deliveredOn.length > 1 ? s.red(' DUPLICATED') : '';
    lines.push(`    ${fate.order}  ${s.dim(fate.insertedIn.padEnd(width))}  ${[...held, ...delivered].join(', ') || 'never delivered'}${verdict}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What a run was: the learner's own code, or a rebuild with stand-ins. */
function runHeading(run: number, submission: SubmissionReport, s: Style): string {
  const what = run === 1 ? 'your code' : `rebuilt with the reference solution for ${submission.rebuilds[run - 2]?.join(', ') || 'no step'}`;
  return s.dim(`  run ${run} (${what}): each order, the step it was inserted in, and what reached your listeners`);
}

function renderScore(submission: SubmissionReport, report: GradeReport, s: Style): string {
  const verdict = submission.status === 'pass' ? s.green('PASS') : s.red('FAIL');
  const target = report.target.serverVersion === undefined ? report.target.kind : `${report.target.kind} ${report.target.serverVersion}`;
  return `  ${verdict} ${submission.score}/${submission.maxScore} steps ${s.dim(`in ${Math.round(submission.durationMs)} ms · seed ${report.seed} · target ${target}`)}\n`;
}
