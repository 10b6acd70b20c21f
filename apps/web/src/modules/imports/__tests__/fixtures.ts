import type { ImportColumnDto, ImportDto } from '@lianqiao/contracts';
import { act } from '@testing-library/react';

export const JOB_ID = '00000000-0000-4000-8000-0000000000f1';

export function aJob(overrides: Partial<ImportDto> = {}): ImportDto {
  return {
    id: JOB_ID,
    kind: 'leads',
    status: 'validating',
    fileName: '线索.xlsx',
    format: 'xlsx',
    totalRows: null,
    processedRows: 0,
    errorCount: 0,
    createdCount: 0,
    skippedCount: 0,
    companiesCreated: 0,
    message: null,
    errors: [],
    createdById: '00000000-0000-4000-8000-000000000001',
    createdAt: '2026-05-01T02:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}

export const LEAD_COLUMNS: ImportColumnDto[] = [
  { field: 'name', header: '线索名称', required: true, aliases: ['名称'], help: '一句话说清是什么线索' },
  {
    field: 'company',
    header: '企业',
    required: true,
    aliases: ['企业名称', '统一社会信用代码'],
    help: '企业名称或统一社会信用代码；库中没有的企业会新建',
  },
  { field: 'ownerUsername', header: '负责人用户名', required: false, aliases: [], help: '空则为导入人' },
];

/**
 * XMLHttpRequest as the uploader uses it (jsdom's would try the network): records what is sent,
 * and lets a test report upload progress and answer.
 */
export class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  upload: { onprogress: ((event: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ loaded, total, lengthComputable: true }));
  }
  async respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    await act(async () => this.onload?.());
  }
}
