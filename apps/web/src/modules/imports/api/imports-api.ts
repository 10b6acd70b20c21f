import type { ImportColumnDto, ImportDto, ImportKind, Page } from '@lianqiao/contracts';
import { ApiError, http, queryString, sessionStore } from '../../../shared/http';
import { attachmentName, authorizedFetch, saveFile } from '../../promo-projects/api/authorized-fetch';

/** Bytes sent so far and the file's size, as the browser reports them. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export const importsApi = {
  /** Recent imports: the caller's own (leaders and admins: everyone's), newest first. */
  list: (signal?: AbortSignal) => http.get<Page<ImportDto>>('/api/imports', { limit: 20 }, { signal }),
  /** Status, processed/total rows and the first 100 bad rows. */
  get: (id: string, signal?: AbortSignal) => http.get<ImportDto>(`/api/imports/${id}`, undefined, { signal }),
  columns: (kind: ImportKind, signal?: AbortSignal) =>
    http.get<ImportColumnDto[]>(`/api/imports/columns/${kind}`, undefined, { signal }),

  /** The kind's .xlsx template (Chinese headers, drop-downs, notes), saved as a download. */
  downloadTemplate: (kind: ImportKind) => download(`/api/imports/templates/${kind}.xlsx`, `${kind}-template.xlsx`),
  /** Every bad row as CSV (行号, 列, 问题), saved as a download. */
  downloadErrors: (id: string) => download(`/api/imports/${id}/errors.csv`, `import-${id.slice(0, 8)}-errors.csv`),

  /**
   * Sends the file as multipart with the token. XMLHttpRequest rather than fetch: only it reports
   * the upload's progress, which for a file of hundreds of thousands of rows takes a while.
   * Answers the import as the server accepted it (202); its work goes on in the background.
   */
  async upload(
    kind: ImportKind,
    file: File,
    onProgress: (progress: UploadProgress) => void,
    signal?: AbortSignal,
  ): Promise<ImportDto> {
    const session = sessionStore.get();
    if (session && Date.parse(session.accessTokenExpiresAt) - Date.now() < 60_000) await http.renew();
    let answer = await send(kind, file, onProgress, signal);
    if (answer.status === 401 && (await http.renew())) answer = await send(kind, file, onProgress, signal);
    if (answer.status === 401) sessionStore.clear('expired');
    const payload = parseJson(answer.text);
    if (answer.status < 200 || answer.status >= 300) {
      throw ApiError.fromResponse(answer.status, answer.statusText, payload);
    }
    if (!payload) throw ApiError.fromResponse(answer.status, answer.statusText, null);
    return payload as ImportDto;
  },
};

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function send(
  kind: ImportKind,
  file: File,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; statusText: string; text: string }> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports${queryString({ kind })}`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = sessionStore.get()?.accessToken;
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event: ProgressEvent) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () =>
      resolve({ status: xhr.status, statusText: xhr.statusText, text: String(xhr.responseText ?? '') });
    xhr.onerror = () => reject(ApiError.network(new Error('upload failed')));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

async function download(path: string, fallbackName: string): Promise<string> {
  const response = await authorizedFetch(path);
  const name = attachmentName(response, fallbackName);
  saveFile(await response.blob(), name);
  return name;
}
