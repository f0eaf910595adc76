import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv, readCsvTable } from './csv.ts';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits records on LF, CRLF and a lone CR, with or without a final line break', () => {
    expect(fields('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fields('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fields('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty fields, leading, trailing and consecutive', () => {
    expect(fields(',a,,b,\n')).toEqual([['', 'a', '', 'b', '']]);
    expect(fields('""\n')).toEqual([['']]);
  });

  it('reads commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(fields('"PETROSYAN, ARAM",x\n')).toEqual([['PETROSYAN, ARAM', 'x']]);
    expect(fields('"say ""hi""",""""\n')).toEqual([['say "hi"', '"']]);
    // A quoted line break is data, normalised to LF whatever the file uses.
    expect(fields('"two\r\nlines",z\r\n')).toEqual([['two\nlines', 'z']]);
  });

  it('drops a byte-order mark, and only at the start', () => {
    expect(fields('\uFEFFsurname,pin\n')).toEqual([['surname', 'pin']]);
    expect(fields('a,\uFEFFb\n')).toEqual([['a', '\uFEFFb']]);
  });

  it('skips lines with no characters but not lines of empty fields', () => {
    expect(fields('a\n\n\r\nb\n\n')).toEqual([['a'], ['b']]);
    expect(fields('a\n,\n')).toEqual([['a'], ['', '']]);
  });

  it('numbers each record by the line it starts on', () => {
    const records = parseCsv('h1,h2\n\n"multi\nline",x\nlast,y\n');
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('tolerates spaces around a quoted field and keeps them in an unquoted one', () => {
    expect(fields('a, "b, c" ,d\n')).toEqual([['a', 'b, c', 'd']]);
    expect(fields(' a , b \n')).toEqual([[' a ', ' b ']]);
  });

  it('refuses malformed quoting with the line named', () => {
    expect(() => parseCsv('a,b\nc,"open\n')).toThrow(new CsvError(2, 'a quoted field is never closed'));
    expect(() => parseCsv('a\nb"c\n')).toThrow(CsvError);
    expect(() => parseCsv('a\nb"c\n')).toThrow(/^line 2: a quote inside an unquoted field/);
    expect(() => parseCsv('x\n"ab"c\n')).toThrow(/^line 2: text after a closing quote/);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF\r\n')).toEqual([]);
  });
});

describe('readCsvTable', () => {
  it('separates the header from the records', () => {
    const table = readCsvTable('\uFEFFname,pin\r\nANNA,1\r\n');
    expect(table.header).toEqual({ line: 1, fields: ['name', 'pin'] });
    expect(table.records).toEqual([{ line: 2, fields: ['ANNA', '1'] }]);
  });

  it('refuses a file without a header', () => {
    expect(() => readCsvTable('\n\n')).toThrow(/the file is empty/);
  });
});
