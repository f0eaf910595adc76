import { describe, expect, it } from 'vitest';
import { csvCell, flattenRow, FRAMING, type Column } from './flatten.ts';

const columns: Column[] = [
  { name: 'number', path: ['number'], list: false },
  { name: 'activity.code', path: ['activity', 'code'], list: false },
  { name: 'nomad.citizenship', path: ['nomad', 'citizenship'], list: false },
  { name: 'corrections', path: ['corrections'], list: true },
];

describe('flattenRow', () => {
  it('names nested leaves a.b.c, keeps every column, null under a null object, lists as they are', () => {
    const node = { number: '10000001', activity: null, nomad: { citizenship: 'USA' }, corrections: [{ field: 'email', message: 'typo' }] };
    expect(flattenRow(node, columns)).toEqual({
      number: '10000001',
      'activity.code': null,
      'nomad.citizenship': 'USA',
      corrections: [{ field: 'email', message: 'typo' }],
    });
    expect(Object.keys(flattenRow({}, columns))).toEqual(columns.map((c) => c.name));
    expect(flattenRow(null, columns)['nomad.citizenship']).toBeNull();
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes, line breaks and edge spaces (quotes doubled); null empty, the empty string ""', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('')).toBe('""');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(false)).toBe('false');
    expect(csvCell([{ a: 1 }, 'x,y'])).toBe('"[{""a"":1},""x,y""]"');
  });

  it('frames CSV rows under a header of the column names, CRLF-terminated', () => {
    const row = flattenRow({ number: '1', activity: { code: '62.01' }, nomad: { citizenship: 'DEU' }, corrections: [] }, columns);
    expect(FRAMING.csv.header(columns) + FRAMING.csv.row(row, columns, 0)).toBe('number,activity.code,nomad.citizenship,corrections\r\n1,62.01,DEU,[]\r\n');
  });
});

describe('JSON framing', () => {
  it('is one JSON array whatever the number of rows, rows written one at a time', () => {
    const rows = [{ a: 1 }, { a: 'x,"y"' }, { a: null }];
    const text = FRAMING.json.header([]) + rows.map((r, i) => FRAMING.json.row(r, [], i)).join('') + FRAMING.json.footer(rows.length);
    expect(JSON.parse(text)).toEqual(rows);
    expect(JSON.parse(FRAMING.json.header([]) + FRAMING.json.footer(0))).toEqual([]);
  });

  it('writes NDJSON as one row per line', () => {
    const text = [{ a: 1 }, { a: 2 }].map((r, i) => FRAMING.ndjson.row(r, [], i)).join('');
    expect(text.trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
