import { type Api, api, csrfToken, errorOf } from '../../api.ts';

/** The consoles' client: the account session (developers and operators) and its CSRF cookie. */
export const consoleApi: Api = (method, path, body) => api(method, path, body, 'account');

/** Query string of the defined values: `query({ status: 'paid', cursor: undefined })` → `?status=paid`. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends a file as the request body, reporting the share sent (0–1) as it goes: fetch gives
 * no upload progress, XMLHttpRequest does.
 */
export function uploadFile<T>(url: string, file: Blob, onProgress: (share: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/gzip');
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken('account');
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new Error('the upload did not reach the platform'));
    xhr.onload = () => {
      let json: unknown = {};
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: the status alone tells what happened.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else reject(errorOf(xhr.status, xhr.statusText, json));
    };
    xhr.send(file);
  });
}
