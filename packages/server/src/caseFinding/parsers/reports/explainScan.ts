// One line per decision of the report scanner, for `osteopad import-reports --explain`: each finding with its
// levels, grade and certainty, and each fracture phrase that was not a finding with the words that decided.
import type { ScannedReport } from './scanReports';
import type { IgnoredReason } from './vertebralFindings';

const REASON: Readonly<Record<IgnoredReason, string>> = {
  negated: 'negated by',
  question: 'a question',
  hypothetical: 'a hypothesis',
  generic: 'a general statement',
  cervical: 'cervical level only (excluded, R1.3)',
};

const MAX_SENTENCE = 120;

function quoted(sentence: string): string {
  const flat = sentence.replace(/\s+/gu, ' ');
  return `"${flat.length > MAX_SENTENCE ? `${flat.slice(0, MAX_SENTENCE - 1)}…` : flat}"`;
}

export function explainReport(report: ScannedReport): string[] {
  const who = `${report.reportId} (row ${report.row})`;
  const found = report.findings.map((f) => {
    const parts = [
      f.levels.length === 0 ? 'no level named' : f.levels.join(', '),
      ...(f.genantGrade === undefined ? [] : [`Genant ${f.genantGrade}`]),
      ...(f.known ? ['known/old'] : []),
      f.certaintyCue === undefined ? f.certainty : `${f.certainty} ("${f.certaintyCue}")`,
    ];
    return `${who}: finding "${f.phrase}" — ${parts.join('; ')} — ${quoted(f.sentence)}`;
  });
  const ignored = report.ignored.map((m) => {
    const why = m.reason === 'cervical' ? `${REASON.cervical}: ${m.cue}` : `${REASON[m.reason]} ("${m.cue}")`;
    return `${who}: not a finding "${m.phrase}" — ${why} — ${quoted(m.sentence)}`;
  });
  return [...found, ...ignored];
}
