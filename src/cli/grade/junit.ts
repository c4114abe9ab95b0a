import type { GradeReport } from './verdicts';

const escape = (s: string): string =>
  s
    // characters XML 1.0 cannot hold at all
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * The report as JUnit XML, what CI systems read: a `testsuite` per submission, a `testcase` per
 * case; a wrong answer is a `failure`, a crash, a limit or a refusal an `error`, each with its code.
 */
export function junitXml(report: GradeReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const t = report.totals;
  out.push(
    `<testsuites name="${escape(report.exercise)}" tests="${t.cases}" failures="${t.failures}" errors="${t.errors}" time="${(report.wallMs / 1000).toFixed(3)}">`,
  );
  for (const s of report.submissions) {
    const failures = s.cases.filter((c) => c.verdict === 'wrong').length;
    const errors = s.cases.filter((c) => c.verdict !== 'wrong' && c.verdict !== 'pass').length;
    const time = s.cases.reduce((n, c) => n + c.ms, 0) / 1000;
    out.push(
      `  <testsuite name="${escape(s.submission)}" tests="${s.cases.length}" failures="${failures}" errors="${errors}" time="${time.toFixed(3)}">`,
    );
    for (const c of s.cases) {
      const head = `    <testcase name="${escape(c.case)}" classname="${escape(s.submission)}" time="${(c.ms / 1000).toFixed(3)}"`;
      if (c.verdict === 'pass') {
        out.push(`${head}/>`);
        continue;
      }
      const tag = c.verdict === 'wrong' ? 'failure' : 'error';
      out.push(`${head}>`);
      out.push(`      <${tag} type="${escape(c.code ?? c.verdict)}" message="${escape(c.message ?? c.verdict)}"/>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
