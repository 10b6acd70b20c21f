import type { CompanyTag, OwnershipType } from './enums';

/**
 * Bulk import and export. An import reads a .xlsx or .csv, checks every row, then writes all of
 * them in one transaction or none; its progress and its bad rows are readable while it runs.
 */

export const IMPORT_KINDS = ['leads', 'companies', 'contacts', 'projects'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  leads: '线索',
  companies: '企业',
  contacts: '联系人',
  projects: '项目',
};

/** validating: reading and checking rows; writing: the one transaction; then done or failed. */
export const IMPORT_STATUSES = ['validating', 'writing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  validating: '校验中',
  writing: '写入中',
  done: '已完成',
  failed: '失败',
};

export const IMPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportRowErrorDto {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  /** The column's header as written in the file, or empty for a whole-row problem. */
  column: string;
  message: string;
}

export interface ImportDto {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  fileName: string;
  format: ImportFormat;
  /** Data rows in the file: an estimate while the first pass reads, exact once validated. */
  totalRows: number | null;
  /** Rows checked (validating) or written (writing) so far. */
  processedRows: number;
  errorCount: number;
  /** Records written; rows matching a record already present (or an earlier row) are skipped, not duplicated. */
  createdCount: number;
  skippedCount: number;
  /** Companies created for names or USCCs not found (leads, contacts, projects). */
  companiesCreated: number;
  /** Why it failed, when it did. */
  message: string | null;
  /** The first 100 bad rows; all of them at GET /api/imports/{id}/errors.csv. */
  errors: ImportRowErrorDto[];
  createdById: string;
  createdAt: string;
  finishedAt: string | null;
}

/** One column of an import template: the header people write, and what it takes. */
export interface ImportColumnDto {
  field: string;
  header: string;
  required: boolean;
  /** Other headers accepted for the same column. */
  aliases: string[];
  help: string;
}

export const EXPORT_LISTS = ['leads', 'companies', 'projects', 'roadshows', 'delegations'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const OWNERSHIP_TYPE_LABELS: Record<OwnershipType, string> = {
  central_soe: '央企',
  local_soe: '国企',
  private: '民企',
  foreign: '外资',
  hmt: '港澳台',
  other: '其他',
};

export const COMPANY_TAG_LABELS: Record<CompanyTag, string> = {
  global500: '世界500强',
  china500: '中国500强',
  listed: '上市',
  srdi: '专精特新',
  high_tech: '高新技术',
  above_scale: '规上',
};

export const CAPITAL_ORIGIN_LABELS = { domestic: '内资', foreign: '外资' } as const;
