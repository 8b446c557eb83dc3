/**
 * Writes a generated, clearly fake roster in the import template's format: `npx tsx
 * samples/generate-roster.ts [rows] [out.csv|out.xlsx]` (default 40 rows to samples/roster-sample.csv).
 * The people come from the demo generator (not real people; e-mails at example.org), and a few
 * rows are wrong on purpose so a dry run shows every verdict: a wrong degree, a birth year of 1700,
 * a formula, a row repeated.
 */
import { writeFileSync } from 'node:fs';
import { generateProfiles } from '#shared/demo/generate-profiles';
import { csvDocument, type RosterPerson, rosterHeaderRow, rosterRowCells } from '#shared/domain/roster';
import { writeXlsx } from '#shared/files/spreadsheets';

export function sampleRosterRows(count: number, seed = 12): string[][] {
  const people = generateProfiles(count, { seed }).map(
    (r, i): RosterPerson => ({
      fullName: `${r.fullName} (mẫu)`,
      email: `roster.sample.${seed}.${i + 1}@example.org`,
      ...(r.birthYear ? { birthYear: r.birthYear } : {}),
      ...(r.gender ? { gender: r.gender } : {}),
      highestDegree: r.highestDegree,
      ...(r.academicTitle ? { academicTitle: r.academicTitle } : {}),
      fields: r.fields,
      ...(r.employer ? { employer: r.employer } : {}),
      location: { kind: r.location.kind, country: r.location.country },
      nativeOfProvince: r.nativeOfProvince,
      ...(r.hometown ? { hometown: r.hometown } : {}),
      yearsExperience: r.yearsExperience,
    }),
  );
  const rows = people.map(rosterRowCells);
  if (rows.length >= 8) {
    const degree = rosterHeaderRow().indexOf('Học vị cao nhất');
    const year = rosterHeaderRow().indexOf('Năm sinh');
    const name = rosterHeaderRow().indexOf('Họ và tên');
    rows[3][degree] = 'Trung cấp';
    rows[5][year] = '1700';
    rows[7][name] = '=HYPERLINK("http://example.org","bấm vào đây")';
    rows.push([...rows[1]]);
  }
  return [rosterHeaderRow(), ...rows];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 40);
  const out = process.argv[3] ?? 'samples/roster-sample.csv';
  const rows = sampleRosterRows(count);
  if (out.endsWith('.xlsx')) writeFileSync(out, await writeXlsx('Danh sách', rows));
  // The export neutralises formulas; this sample keeps its one formula so the dry run shows it.
  else writeFileSync(out, csvDocument(rows).replace(`"'=HYPERLINK`, '"=HYPERLINK'));
  console.log(`${out}: ${rows.length - 1} rows (generated, not real people)`);
}
