import { ApiError, type Problem } from './api/client';

/** The file name a response proposes (Content-Disposition), or the fallback. */
export function fileNameOf(response: Response | undefined, fallback: string): string {
  const header = response?.headers.get('Content-Disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(header);
  return match?.[1] ?? fallback;
}

/**
 * Saves what a blob request of the API client answered, under the name the server proposes;
 * throws the server's problem otherwise.
 */
export function saveDownload(
  result: { data?: unknown; error?: unknown; response: Response },
  fallbackName: string,
): string {
  if (!result.data) {
    throw new ApiError(
      (result.error as Problem | undefined) ?? {
        type: 'urn:antq:problem:unknown',
        title: 'Không tải được tệp',
        status: result.response.status,
      },
    );
  }
  const name = fileNameOf(result.response, fallbackName);
  const url = URL.createObjectURL(result.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
  return name;
}
