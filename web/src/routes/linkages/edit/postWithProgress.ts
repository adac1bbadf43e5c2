import { stringifyDocument, type TypedDocumentNode } from 'urql';

export interface ProgressResult<R> {
  data?: R | null;
  /** A GraphQL or network error message; `unauthenticated` when the session has ended. */
  error?: string;
  unauthenticated?: boolean;
}

interface Body<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Sends one GraphQL operation with XMLHttpRequest so the browser reports how much of the
 * request body has gone out (urql's fetch cannot): used for base64 file uploads. Same
 * origin, the session cookie travels as with every other request.
 */
export function postWithProgress<R, V extends object>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  onProgress: (percent: number) => void,
  url = '/graphql',
): Promise<ProgressResult<R>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/graphql-response+json, application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onerror = () => resolve({ error: 'network' });
    xhr.ontimeout = () => resolve({ error: 'network' });
    xhr.onload = () => {
      let body: Body<R>;
      try {
        body = JSON.parse(xhr.responseText) as Body<R>;
      } catch {
        resolve({ error: `HTTP ${xhr.status}` });
        return;
      }
      const first = body.errors?.[0];
      if (first) {
        resolve({ data: body.data, error: first.message, unauthenticated: first.extensions?.code === 'UNAUTHENTICATED' });
        return;
      }
      onProgress(100);
      resolve({ data: body.data });
    };
    xhr.send(JSON.stringify({ query: stringifyDocument(document), variables }));
  });
}
