import type { importsMenuZhCN, importsZhCN } from './zh-CN';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const importsMenuEn: Strings<typeof importsMenuZhCN> = { imports: 'Bulk import' };

export const importsEn: Strings<typeof importsZhCN> = {
  title: 'Bulk import',
  subtitle:
    'Import leads, companies, contacts and projects from Excel or CSV: every row is checked, and the file is written only when all are valid',
  kind: 'What to import',
  kinds: { leads: 'Leads', companies: 'Companies', contacts: 'Contacts', projects: 'Projects' },
  columns: {
    title: 'Columns a {{kind}} file may have',
    header: 'Column',
    aliases: 'Also accepted',
    required: 'Required',
    optional: 'Optional',
    help: 'How to fill it',
    hint: 'Refer to things by name, never by id: a company by its name or USCC, an owner by username, a chain segment by its name; stages and sources in Chinese or as codes.',
  },
  template: '{{kind}} template',
  templateDone: 'Template downloaded: {{name}}',
  upload: {
    title: 'Upload a file',
    hint: 'Click or drop a .xlsx / .csv file here',
    note: 'One bad row and nothing in the file is written; importing the same file again creates no duplicates.',
    another: 'Import another file',
  },
  phases: {
    uploading: 'Upload',
    validating: 'Check',
    writing: 'Write',
    done: 'Done',
  },
  status: { uploading: 'Uploading', validating: 'Checking', writing: 'Writing', done: 'Done', failed: 'Failed' },
  uploaded: '{{percent}}% uploaded',
  rows: '{{processed}} / {{total}} rows',
  rowsSoFar: '{{processed}} rows so far',
  outcome: {
    doneTitle: 'Imported: {{file}}',
    created: 'Records created',
    skipped: 'Already present, skipped',
    companiesCreated: 'Companies created',
    failedTitle: 'Import failed; nothing was written',
    errorsTitle: 'Bad rows ({{count}} problems)',
    errorsShown: 'The first {{shown}} are listed here; download the full list',
    downloadErrors: 'Download the error list',
    errorsDone: 'Error list downloaded: {{name}}',
    row: 'Row',
    column: 'Column',
    reason: 'Problem',
    wholeRow: 'Whole row',
  },
  history: {
    title: 'Past imports',
    createdAt: 'When',
    kind: 'Kind',
    file: 'File',
    status: 'Status',
    rows: 'Rows',
    created: 'Created',
    skipped: 'Skipped',
    errors: 'Errors',
    view: 'View',
    empty: 'No imports yet',
  },
};
