import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA, toJsonReport } from '../../src/reporters/json.js';
import { gradeReport, stepReport } from '../support/reports.js';

describe('reporters/json', () => {
  it('maps the report model to the documented snake_case document, with null for absent values', () => {
    const report = gradeReport(
      [
        stepReport({ id: 'one', status: 'pass', checks: [{ name: 'ok', status: 'pass', message: 'fine' }], output: ['a', 'b'] }),
        stepReport({ id: 'two', status: 'error', stoodIn: ['one'], error: { kind: 'timeout', name: 'TimeoutError', message: 'too long' } }),
      ],
      [{ run: 1, step: 'one', kind: 'outage-started', stream: 1 }],
    );
    expect(toJsonReport(report)).toEqual({
      schema: REPORT_SCHEMA,
      tool: { name: 'resume-lab', version: '9.9.9' },
      lesson: { id: 'demo', title: 'Demo', format_version: 1 },
      target: { kind: 'embedded', server_version: null },
      seed: 42,
      timeout_ms: 5000,
      status: 'fail',
      submissions: [
        {
          file: '/work/s.js',
          status: 'fail',
          score: 1,
          max_score: 2,
          duration_ms: 13,
          timeline: [{ run: 1, step: 'one', kind: 'outage-started', stream: 1, order: null }],
          steps: [
            {
              id: 'one',
              title: 'Step one',
              status: 'pass',
              stood_in: [],
              duration_ms: 3,
              checks: [{ name: 'ok', status: 'pass', message: 'fine', expected: null, actual: null }],
              output: 'a\nb',
              output_truncated: false,
              error: null,
            },
            {
              id: 'two',
              title: 'Step two',
              status: 'error',
              stood_in: ['one'],
              duration_ms: 3,
              checks: [],
              output: '',
              output_truncated: false,
              error: { kind: 'timeout', name: 'TimeoutError', message: 'too long', file: null, line: null, column: null, explanation: null },
            },
          ],
        },
      ],
    });
  });
});
