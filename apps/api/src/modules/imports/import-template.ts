import { IMPORT_KIND_LABELS, type ImportKind } from '@lianqiao/contracts';
import * as ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from './import-columns';

/** Rows of the data sheet that carry the drop-down lists. */
const LIST_ROWS = 5000;

interface WithDataValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * The template of a kind: a 数据 sheet with the Chinese headers (required ones marked *), a note on
 * each header saying what it takes, drop-down lists for the coded columns, and a 填写说明 sheet.
 */
export async function buildTemplate(kind: ImportKind): Promise<Buffer> {
  const columns = IMPORT_COLUMNS[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '连桥 Lianqiao';
  const sheet = workbook.addWorksheet('数据', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.required ? `${c.header}*` : c.header,
    key: c.field,
    width: Math.max(12, c.header.length * 2 + 4),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.height = 22;
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: column.required ? 'FFFCE4D6' : 'FFD9E1F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    if (column.help) cell.note = column.help;
    const letter = sheet.getColumn(i + 1).letter;
    const list =
      column.read.type === 'enum'
        ? Object.values(column.read.values)
        : column.read.type === 'bool'
          ? ['是', '否']
          : null;
    if (list && list.join(',').length < 250) {
      (sheet as unknown as WithDataValidations).dataValidations.add(`${letter}2:${letter}${LIST_ROWS}`, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: column.header,
        error: `请从列表中选择：${list.join('、')}`,
      });
    }
    if (column.read.type === 'date' || column.read.type === 'datetime')
      sheet.getColumn(i + 1).numFmt = column.read.type === 'date' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm';
    if (['uscc', 'mobile', 'username', 'text'].includes(column.read.type)) sheet.getColumn(i + 1).numFmt = '@';
  });

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', key: 'header', width: 22 },
    { header: '必填', key: 'required', width: 8 },
    { header: '说明', key: 'help', width: 90 },
    { header: '也可写作', key: 'aliases', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) {
    help.addRow({
      header: column.header,
      required: column.required ? '是' : '',
      help: column.help,
      aliases: column.aliases.join('、'),
    }).alignment = {
      wrapText: true,
      vertical: 'top',
    };
  }
  help.addRow({});
  for (const line of [
    `本模板用于导入${IMPORT_KIND_LABELS[kind]}。在“数据”表第 2 行起每行填写一条，不要改动表头；多余的列会被忽略。`,
    '整个文件先逐行检查：只要有一行有误，就一条也不导入，并给出每个错误的行号、列和原因；改正后重新上传即可。',
    '同一个文件重复导入不会产生重复记录；已存在的企业按信用代码或名称匹配，不会重复建立。',
    '也可另存为 CSV（UTF-8 或 GBK 编码）后导入。',
  ]) {
    help.addRow({ header: line });
    help.mergeCells(`A${help.rowCount}:D${help.rowCount}`);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
