import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { randomBytes } from 'node:crypto';
import { TestApp, type TestUser } from './harness';

/** A multipart/form-data body with a kind and one file. */
function multipart(kind: string, file: { name: string; content: Buffer }) {
  const boundary = `----lianqiao${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A real two-row leads workbook, then with one of its parts rewritten. */
async function workbook(rewrite?: { part: string; xml: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  sheet.addRow(['线索名称', '来源']);
  sheet.addRow(['某线索', '推介会']);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  if (!rewrite) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  zip.file(rewrite.part, rewrite.xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const SHEET = (cells: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
  `<row r="1"><c r="A1" t="inlineStr"><is><t>线索名称</t></is></c><c r="B1" t="inlineStr"><is><t>来源</t></is></c></row>` +
  `<row r="2">${cells}</row></sheetData></worksheet>`;

describe('imports: files that attack the parser', () => {
  let t: TestApp;
  let staff: TestUser;

  beforeAll(async () => {
    // A small heap for the checking process, so that the memory-hungry file below exhausts it quickly.
    t = await TestApp.start('import_files', { IMPORT_WORKER_HEAP_MB: '48' });
    staff = await t.createUser('files.staff', 'staff', await t.createTeam('汽车专班'));
  });
  afterAll(() => t.close());

  const upload = async (name: string, content: Buffer) => {
    const body = multipart('leads', { name, content });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...body.headers, authorization: `Bearer ${staff.token}` },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(202);
    return res.json().id as string;
  };
  const finished = async (id: string) => {
    for (let i = 0; i < 600; i++) {
      const res = await t.get(`/api/imports/${id}`, staff.token);
      if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  };
  const leads = async () => Number((await t.dataSource.query(`SELECT count(*) FROM leads`))[0].count);
  /** The app still answers, and the import left nothing behind. */
  const stillUp = async (id: string) => {
    expect((await t.get('/api/health/ready')).status).toBe(200);
    expect((await t.get('/api/leads', staff.token)).status).toBe(200);
    expect(await leads()).toBe(0);
    const [staged] = await t.dataSource.query(`SELECT count(*)::int AS n FROM import_rows WHERE import_id = $1`, [id]);
    expect(staged.n).toBe(0);
  };

  it('refuses a 1.5 KB workbook whose cell reference is ZZZZZZ2 with a row-less error, and stays up', async () => {
    const file = await workbook({
      part: 'xl/worksheets/sheet1.xml',
      xml: SHEET(
        `<c r="A2" t="inlineStr"><is><t>某线索</t></is></c><c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c>`,
      ),
    });
    expect(file.length).toBeLessThan(8000);
    const started = Date.now();
    const job = await finished(await upload('zzz.xlsx', file));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(job.status).toBe('failed');
    expect(job.message).toContain('ZZZZZZ2 超出 Excel 的范围');
    expect(job.errors).toEqual([]);
    await stillUp(job.id);
  });

  it('reads a far-right column within Excel’s range without filling thousands of cells, ignoring it', async () => {
    const file = await workbook({
      part: 'xl/worksheets/sheet1.xml',
      xml: SHEET(
        `<c r="A2" t="inlineStr"><is><t>远列线索</t></is></c><c r="B2" t="inlineStr"><is><t>推介会</t></is></c><c r="XFD2" t="inlineStr"><is><t>x</t></is></c>`,
      ),
    });
    const job = await finished(await upload('far.xlsx', file));
    expect([job.status, job.createdCount]).toEqual(['done', 1]);
    await t.dataSource.query(`DELETE FROM leads`);
  });

  it('fails a corrupt workbook in words, not with a parser code like FILE_ENDED', async () => {
    const whole = await workbook();
    const job = await finished(await upload('cut.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect(job.status).toBe('failed');
    expect(job.message).toContain('无法读取文件');
    expect(job.message).not.toMatch(/FILE_ENDED|[A-Z]{4,}_[A-Z]{3,}/);
    expect(job.errors).toEqual([]);
    await stillUp(job.id);
  });

  it('fails the import, not the server, when checking a file exhausts the checking process’s memory', async () => {
    // One shared string of 80 million characters: about 100 KB compressed, far more than a 48 MB heap once read.
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<si><t>${'x'.repeat(80_000_000)}</t></si></sst>`;
    const file = await workbook({ part: 'xl/sharedStrings.xml', xml });
    expect(file.length).toBeLessThan(2_000_000);
    const job = await finished(await upload('oom.xlsx', file));
    expect(job.status).toBe('failed');
    expect(job.message).toContain('内存不足');
    expect(job.errors).toEqual([]);
    await stillUp(job.id);
  }, 90_000);
});
