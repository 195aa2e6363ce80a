import { ApiError, type Problem } from '@/lib/api/client';
import { session } from '@/lib/session';

/**
 * Sends a file's bytes with upload progress (fetch cannot report it, XMLHttpRequest can); its
 * name goes URL-encoded in X-File-Name. Resolves with the JSON answer of the expected status,
 * rejects with the server's problem otherwise.
 */
export function uploadFile<T>(
  url: string,
  file: File,
  expected: number,
  onProgress: (percent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    const token = session.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === expected) resolve(body as T);
      else
        reject(
          new ApiError(
            (body as Problem | null) ?? {
              type: 'urn:antq:problem:unknown',
              title: 'Không tải lên được',
              status: xhr.status,
              detail: `Máy chủ trả về mã ${xhr.status}.`,
            },
          ),
        );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'urn:antq:problem:network',
          title: 'Không kết nối được máy chủ',
          status: 0,
          detail: 'Kiểm tra kết nối mạng rồi thử lại.',
        }),
      );
    xhr.send(file);
  });
}
