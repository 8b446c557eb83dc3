/**
 * The pure rules of a roster import: mapping a header row, reading and validating a row (each
 * refusal with its reason in Vietnamese and English), the identity that makes a re-import change
 * nothing, the dry run's verdicts, and cells no spreadsheet can read as a formula.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  type Cell,
  cellValue,
  classifyRow,
  csvDocument,
  csvLine,
  importFormatOf,
  mapColumns,
  missingRequiredColumns,
  neutraliseCell,
  readRosterRow,
  rosterColumns,
  rosterContentHash,
  rosterEntryId,
  rosterEntryIdOfEmail,
  rosterHeaderRow,
  rosterRowCells,
} from '#shared/domain/roster';

const now = new Date('2026-06-01T00:00:00Z');
const header = rosterHeaderRow();
const mapping = mapColumns(header);
const cells = (values: Partial<Record<string, string>>): Cell[] =>
  rosterColumns.map((c) => ({ text: values[c.field] ?? '' }));
const valid = { fullName: 'Nguyễn Văn An', highestDegree: 'Tiến sĩ', fieldCodes: '2.3' };

describe('mapping a header row', () => {
  it('knows the template headers in Vietnamese, English or as field names, ignoring case and diacritics', () => {
    expect(mapColumns(['HO VA TEN', 'e-mail', 'highestDegree', 'Ma linh vuc'])).toEqual({
      fullName: 0,
      email: 1,
      highestDegree: 2,
      fieldCodes: 3,
    });
  });

  it('takes the administrator’s choice for other headers, and the first of two columns for a field', () => {
    expect(
      mapColumns(['Tên cán bộ', 'Trình độ', 'Họ và tên'], { 'Tên cán bộ': 'fullName', 'Trình độ': 'ignore' }),
    ).toEqual({
      fullName: 0,
    });
  });

  it('names the required columns a file lacks', () => {
    expect(missingRequiredColumns(mapColumns(['Họ và tên', 'Email']))).toEqual([
      'highestDegree',
      'fieldCodes',
    ]);
    expect(missingRequiredColumns(mapping)).toEqual([]);
  });
});

describe('reading a row', () => {
  it('reads Vietnamese labels and English codes alike', () => {
    const row = readRosterRow(
      cells({
        ...valid,
        email: ' An.Nguyen@Example.com ',
        birthYear: '1985',
        gender: 'Nữ',
        academicTitle: 'PGS',
        fieldCodes: '2.3; 3.1',
        specialization: 'Cơ khí',
        employerName: 'Đại học Đà Nẵng',
        sector: 'university',
        locationKind: 'Nước ngoài',
        country: 'jp',
        nativeOfProvince: 'có',
        yearsExperience: '12',
      }),
      mapping,
      now,
    );
    expect(row).toEqual({
      ok: true,
      person: {
        fullName: 'Nguyễn Văn An',
        email: 'an.nguyen@example.com',
        birthYear: 1985,
        gender: 'female',
        highestDegree: 'doctorate',
        academicTitle: 'associate_professor',
        fields: [{ code: '2.3', specialization: 'Cơ khí' }, { code: '3.1' }],
        employer: { name: 'Đại học Đà Nẵng', sector: 'university' },
        location: { kind: 'overseas', country: 'JP' },
        nativeOfProvince: true,
        yearsExperience: 12,
      },
    });
  });

  it.each([
    ['a wrong degree', { highestDegree: 'Trung cấp' }, 'degree'],
    ['a birth year of 1700', { birthYear: '1700' }, 'birth_year'],
    ['a birth year too recent', { birthYear: '2015' }, 'birth_year'],
    ['a formula', { fullName: '=1+1' }, 'formula'],
    ['a 10,000-character cell', { specialization: 'x'.repeat(10_000) }, 'too_long'],
    ['a name over 120 characters', { fullName: 'A'.repeat(121) }, 'too_long'],
    ['an unknown field code', { fieldCodes: '9.9' }, 'field_code'],
    ['six fields', { fieldCodes: '1.1;1.2;1.3;1.4;1.5;1.6' }, 'too_many_fields'],
    ['a bad e-mail', { email: 'not-an-address' }, 'email'],
    ['a control character', { hometown: 'Bình\u0007Sơn' }, 'unsafe_text'],
    ['overseas in Vietnam', { locationKind: 'Nước ngoài', country: 'VN' }, 'country'],
    ['a yes/no that is neither', { nativeOfProvince: 'có lẽ' }, 'yes_no'],
    ['a missing name', { fullName: '' }, 'required'],
  ])('refuses %s, saying why in Vietnamese and English', (_, change, code) => {
    const row = readRosterRow(cells({ ...valid, ...change }), mapping, now);
    expect(row.ok).toBe(false);
    if (row.ok) return;
    expect(row.reasons.map((r) => r.code)).toEqual([code]);
    expect(row.reasons[0].vi).not.toBe(row.reasons[0].en);
  });

  it('accepts the neighbours of the limits', () => {
    for (const change of [
      { birthYear: '1930' },
      { birthYear: '2010' },
      { fullName: 'A'.repeat(120) },
      { fieldCodes: '1.1;1.2;1.3;1.4;1.5' },
    ]) {
      expect(readRosterRow(cells({ ...valid, ...change }), mapping, now).ok).toBe(true);
    }
  });

  it('gives every reason of a row at once', () => {
    const row = readRosterRow(
      cells({ fullName: '', highestDegree: 'x', fieldCodes: '2.3', birthYear: '1700' }),
      mapping,
      now,
    );
    expect(row.ok ? [] : row.reasons.map((r) => r.code)).toEqual(['required', 'birth_year', 'degree']);
  });

  it('refuses a cell the spreadsheet holds as a formula, whatever it shows', () => {
    expect(cellValue({ text: '1985', formula: true })).toBeNull();
    expect(cellValue({ text: "'=1+1" })).toBe('=1+1');
    expect(cellValue({ text: "'+84905" })).toBe('+84905');
    expect(cellValue({ text: "'quoted" })).toBe("'quoted");
  });
});

describe('identity and verdicts', () => {
  const read = (values: Record<string, string>) => {
    const r = readRosterRow(cells({ ...valid, ...values }), mapping, now);
    if (!r.ok) throw new Error('invalid');
    return r.person;
  };

  it('is the e-mail when there is one, else the folded name, birth year and employer', () => {
    expect(rosterEntryId(read({ email: 'a@example.org' }))).toBe(
      rosterEntryId(read({ email: 'A@example.org', fullName: 'Other Name' })),
    );
    expect(rosterEntryIdOfEmail('A@Example.org ')).toBe(rosterEntryId(read({ email: 'a@example.org' })));
    expect(rosterEntryId(read({ fullName: 'NGUYEN VAN AN', birthYear: '1980' }))).toBe(
      rosterEntryId(read({ fullName: 'Nguyễn Văn An', birthYear: '1980' })),
    );
    expect(rosterEntryId(read({ birthYear: '1980' }))).not.toBe(rosterEntryId(read({ birthYear: '1981' })));
  });

  it('hashes the data, not where it came from', () => {
    expect(rosterContentHash(read({}))).toBe(rosterContentHash(read({})));
    expect(rosterContentHash(read({}))).not.toBe(rosterContentHash(read({ yearsExperience: '3' })));
  });

  it('judges create, update, unchanged, duplicate? and invalid', () => {
    const p = read({});
    const ok = { ok: true as const, person: p };
    const hash = rosterContentHash(p);
    expect(classifyRow(ok, p, {}).status).toBe('create');
    expect(classifyRow(ok, p, { existing: { contentHash: hash } }).status).toBe('unchanged');
    expect(classifyRow(ok, p, { existing: { contentHash: 'other' } }).status).toBe('update');
    expect(classifyRow(ok, p, { existing: { contentHash: 'other', claimedBy: 'e1' } }).status).toBe(
      'unchanged',
    );
    expect(classifyRow(ok, p, { sameIdentityRow: 2 }).reasons[0]?.en).toContain('row 2');
    expect(classifyRow(ok, p, { registered: true }).status).toBe('duplicate?');
    expect(classifyRow(ok, p, { sameNameYearRow: 4 }).status).toBe('duplicate?');
    expect(classifyRow(ok, p, { sameNameYearEntry: true }).status).toBe('duplicate?');
    expect(classifyRow(ok, p, { sameNameYearEntry: true, existing: { contentHash: hash } }).status).toBe(
      'unchanged',
    );
    expect(classifyRow({ ok: false, reasons: [] }, undefined, {}).status).toBe('invalid');
  });

  it('round-trips a person through the template cells', () => {
    const p = read({
      email: 'a@example.org',
      phone: '+84905123456',
      birthYear: '1980',
      gender: 'male',
      academicTitle: 'professor',
      fieldCodes: '6.1;5.2',
      specialization: 'Sử học',
      employerName: 'Viện Sử học',
      sector: 'research_institute',
      locationKind: 'in_country',
      nativeOfProvince: 'no',
      hometown: 'Mộ Đức',
      yearsExperience: '20',
    });
    const back = readRosterRow(
      rosterRowCells(p).map((text) => ({ text: neutraliseCell(text) })),
      mapping,
      now,
    );
    expect(back).toEqual({ ok: true, person: p });
  });
});

describe('files', () => {
  it('accepts CSV and XLSX by name and type only', () => {
    expect(importFormatOf('a.csv', 'text/csv')).toBe('csv');
    expect(
      importFormatOf('A.XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ).toBe('xlsx');
    expect(importFormatOf('a.xls', 'application/vnd.ms-excel')).toBeUndefined();
    expect(importFormatOf('a.csv', 'application/pdf')).toBeUndefined();
    expect(importFormatOf('a.exe', 'text/csv')).toBeUndefined();
  });
});

describe('exported cells', () => {
  const formulaStart = /^[=+\-@\t\r]/;

  it('no exported CSV cell can be read as a formula, and every cell reads back as written (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = Math.max(...rows.map((r) => r.length));
          const table = rows.map((r) => [...r, ...Array(width - r.length).fill('x')]);
          const text = csvDocument(table);
          expect(text.startsWith('\uFEFF')).toBe(true);
          const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data.slice(0, table.length);
          for (const [i, row] of parsed.entries()) {
            for (const [j, cell] of row.entries()) {
              expect(formulaStart.test(cell)).toBe(false);
              expect(cellValue({ text: cell })).toBe(cellValue({ text: neutraliseCell(table[i][j]) }));
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('neutralises =, +, -, @, tab and carriage return at the start, and quotes what needs it', () => {
    expect(csvLine(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'a,b', 'say "hi"', 'plain'])).toBe(
      `'=1+1,'+1,'-1,'@SUM(A1),'\tx,"'\rx","a,b","say ""hi""",plain`,
    );
  });
});
