import type { AdminErrorReason } from '@ioc/domain/browser';

/**
 * A failed call to the read API, with the HTTP status (0 when the server could not be reached)
 * and, for an administrative act refused, the stable reason the screen translates.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: { name: AdminErrorReason; params: Record<string, string> },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | undefined | null;

/** A file answered by the API, with the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

export interface HttpClient {
  get<T>(path: string, query?: Record<string, QueryValue>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** A file download (an export, a PDF): the whole body as a blob. */
  download(path: string, query?: Record<string, QueryValue>): Promise<DownloadedFile>;
  /** The administration's other calls: PUT, PATCH, DELETE, or a text body (a CSV) as it is. */
  request<T>(method: WriteMethod, path: string, body?: unknown, contentType?: string): Promise<T>;
}

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body sent as it is, with its own content type (a CSV file), not as JSON. */
interface RawBody {
  text: string;
  contentType: string;
}

/** A wall must never hang on one request: each call gives up after this long. */
const TIMEOUT_MS = 10_000;

function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      message?: string | string[];
      reason?: AdminErrorReason;
      params?: Record<string, string>;
    };
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    const reason = body.reason && { name: body.reason, params: body.params ?? {} };
    if (message) return new ApiError(response.status, message, reason);
  } catch {
    // not JSON: the status says enough
  }
  return new ApiError(response.status, `${response.status} ${response.statusText}`);
}

/** `filename*=UTF-8''…` (names with diacritics) wins over the plain `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/** `fetch` against `/api/v1` on the page's own origin, with the bearer token when there is one. */
export function createHttpClient(getToken: () => string | null, baseUrl = '/api/v1'): HttpClient {
  async function send(
    method: 'GET' | WriteMethod,
    path: string,
    body: unknown,
    accept: string,
    timeoutMs = TIMEOUT_MS,
    raw?: RawBody,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (raw) headers['Content-Type'] = raw.contentType;
    else if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: raw ? raw.text : body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
        cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(0, error instanceof Error ? error.message : 'Network error');
    }
    if (!response.ok) throw await readError(response);
    return response;
  }
  async function call<T>(
    method: 'GET' | WriteMethod,
    path: string,
    body?: unknown,
    raw?: RawBody,
  ): Promise<T> {
    const response = await send(method, path, body, 'application/json', TIMEOUT_MS, raw);
    return (await response.json()) as T;
  }
  return {
    get: (path, query) => call('GET', withQuery(path, query)),
    post: (path, body) => call('POST', path, body),
    request: (method, path, body, contentType) =>
      contentType === undefined
        ? call(method, path, body)
        : call(method, path, undefined, { text: String(body), contentType }),
    // A file may take a server some seconds to make (a PDF): a longer wait than a JSON read.
    async download(path, query) {
      const response = await send('GET', withQuery(path, query), undefined, '*/*', 60_000);
      return {
        blob: await response.blob(),
        fileName: fileNameOf(response.headers.get('Content-Disposition')),
      };
    },
  };
}
