import { describe, expect, it } from 'vitest';
import { bytesStream, collect, fixtureStream, rejectionOf } from '../testFixtures';
import { parsePatientRef, scanReportFile, type ReportScanRow } from './scanReports';

const TODAY = '2025-06-30';

async function scan(name: string): Promise<ReportScanRow[]> {
  return collect(scanReportFile(fixtureStream(`reports/${name}`), { today: TODAY }));
}

describe('scanReportFile — line format (fixture)', () => {
  it('scans every report and keeps hits, negations and errors apart', async () => {
    const rows = await scan('reports-nl-en.txt');
    expect(
      rows.map((r) =>
        r.ok
          ? [r.report.reportId, r.report.findings.length, r.report.negatedMentions]
          : ['error', r.row, r.errors[0]?.code],
      ),
    ).toEqual([
      ['R001', 1, 0],
      ['R002', 0, 1],
      ['R003', 1, 1],
      ['R004', 1, 1],
      ['R005', 0, 1],
      ['R006', 1, 0],
      ['error', 7, 'bsn.elfproef'],
      ['error', 8, 'date.future'],
      ['error', 9, 'reports.fieldCount'],
    ]);
  });

  it('gives each hit its sentence and highlight, and reads the patient reference', async () => {
    const [first, second, third] = await scan('reports-nl-en.txt');
    if (first?.ok !== true || second?.ok !== true || third?.ok !== true) throw new Error('expected reports');
    expect(first.report).toMatchObject({
      reportId: 'R001',
      patientRef: { patientId: '1234567' },
      reportDate: '2025-03-01',
    });
    expect(first.report.findings[0]).toEqual({
      sentence: 'Wigvormige wervelfractuur Th12 met circa 30% hoogteverlies, graad 2 volgens Genant.',
      sentenceStart: 36,
      highlight: { start: 11, end: 25 },
      phrase: 'wervelfractuur',
      levels: ['Th12'],
      genantGrade: 2,
      negated: false,
      known: false,
      certainty: 'definite',
    });
    expect(second.report.patientRef).toEqual({ bsn: '999900006' });
    expect(third.report).toMatchObject({
      reportDate: '2025-03-02',
      findings: [{ known: true, levels: ['L1'] }],
    });
  });

  it('reads a quoted text with ";" and an escaped line break', async () => {
    const rows = await scan('reports-nl-en.txt');
    const r006 = rows[5];
    if (r006?.ok !== true) throw new Error('expected R006');
    expect(r006.report.findings[0]).toMatchObject({ phrase: 'impressiefractuur', levels: ['L2'] });
  });

  it('keeps text after a third ";" when the text is not quoted', async () => {
    const rows = await collect(
      scanReportFile(bytesStream('R1;123;2025-01-01;Conclusie; wervelfractuur Th12\n'), { today: TODAY }),
    );
    expect(rows[0]).toMatchObject({
      ok: true,
      report: { findings: [{ sentence: 'Conclusie; wervelfractuur Th12' }] },
    });
  });
});

describe('scanReportFile — JSON format (fixture)', () => {
  it('scans an array of report objects', async () => {
    const rows = await scan('reports.json');
    expect(
      rows.map((r) =>
        r.ok ? [r.report.reportId, r.report.findings.map((f) => f.levels)] : ['error', r.errors[0]?.field],
      ),
    ).toEqual([
      ['J1', [['L1']]],
      ['J2', []],
      ['J3', []],
      ['error', 'text'],
    ]);
    expect(rows[1]).toMatchObject({
      ok: true,
      report: { patientRef: { bsn: '999900018' }, negatedMentions: 1 },
    });
  });

  it('refuses JSON that is not an array, and an empty file', async () => {
    expect(await rejectionOf(collect(scanReportFile(bytesStream('[{"a":'), { today: TODAY })))).toMatchObject(
      { code: 'reports.invalidJson' },
    );
    expect(await rejectionOf(collect(scanReportFile(bytesStream(''), { today: TODAY })))).toMatchObject({
      code: 'file.empty',
    });
  });
});

describe('parsePatientRef', () => {
  it('needs the bsn: prefix for a BSN, because a bare 9-digit number could be a hospital number', () => {
    expect(parsePatientRef('bsn:999900006')).toEqual({ bsn: '999900006' });
    expect(parsePatientRef('BSN = 999900006')).toEqual({ bsn: '999900006' });
    expect(parsePatientRef('999900006')).toEqual({ patientId: '999900006' });
  });
});
