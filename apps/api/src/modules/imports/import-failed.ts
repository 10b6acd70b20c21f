/** A failure whose message is for the user as it stands (no row: it is about the whole file). */
export class ImportFailed extends Error {}

/** Excel's own limits (XFD1048576): a reference past them is not a worksheet Excel could have written. */
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_ROWS = 1_048_576;
/**
 * Cells read per row. No template has more than a few dozen columns and extra columns are ignored,
 * so cells past this one are dropped unread: a far-right cell never makes a row of thousands of slots.
 */
export const MAX_READ_COLUMNS = 256;

export const UNREADABLE =
  '无法读取文件：不是完整有效的 .xlsx 工作簿（可能已损坏或未传完），请在 Excel 中打开后另存为 .xlsx 再导入 (the file could not be read)';
