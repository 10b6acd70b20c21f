import * as ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xlsxRows } from './xlsx-rows';

describe(xlsxRows.name, () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'xlsx-rows-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const write = async (file: string, rows: Array<Array<string | number | Date | null>>, sharedStrings: boolean) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useStyles: true,
      useSharedStrings: sharedStrings,
    });
    const sheet = workbook.addWorksheet('数据');
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  };
  const readAll = async (file: string) => {
    const out = [];
    for await (const row of xlsxRows(file)) out.push(row);
    return out;
  };

  it('keeps every Chinese character whole across inflate chunks, over tens of thousands of rows', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => [
      `线索名称第${i}号（新能源汽车零部件）`,
      `测试企业${i % 997}有限公司`,
      '屏对屏/网络',
    ]);
    for (const shared of [false, true]) {
      const file = join(dir, `big-${shared}.xlsx`);
      await write(file, rows, shared);
      const read = await readAll(file);
      expect(read).toHaveLength(rows.length);
      const broken = read.filter((r, i) => r.cells.join('|') !== rows[i].join('|'));
      expect(broken).toEqual([]);
      expect(read[29_999].number).toBe(30_000);
    }
  });

  it("reads numbers, dates (by the cell's date format), empty cells and their positions", async () => {
    const file = join(dir, 'types.xlsx');
    await write(
      file,
      [
        ['名称', null, '金额', '日期'],
        ['甲', null, 1200, new Date(Date.UTC(2026, 2, 15))],
        [null, null, null, null],
        ['乙'],
      ],
      false,
    );
    const read = await readAll(file);
    expect(read.map((r) => [r.number, r.cells])).toEqual([
      [1, ['名称', null, '金额', '日期']],
      [2, ['甲', null, 1200, new Date(Date.UTC(2026, 2, 15))]],
      [4, ['乙']],
    ]);
  });
});
