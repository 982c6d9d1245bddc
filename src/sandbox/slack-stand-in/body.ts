import type { IncomingMessage } from 'node:http';

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Web API arguments from a form or JSON body. The WebClient form-encodes objects and arrays as
 * JSON strings (`blocks=[…]`): those are decoded back so tests can assert on structure.
 */
export function parseArgs(raw: Buffer, contentType: string): Record<string, unknown> {
  const body = raw.toString('utf8');
  if (body === '') return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  }
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = decodeJsonish(value);
  return args;
}

function decodeJsonish(value: string): unknown {
  const first = value.trimStart()[0];
  if (first !== '[' && first !== '{') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The file content of an upload, whether sent raw, form-encoded or as multipart form data. */
export function uploadedContent(raw: Buffer, contentType: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (contentType.includes('multipart/form-data') && boundary) {
    const marker = `--${boundary[1] ?? boundary[2]}`;
    const part = raw
      .toString('utf8')
      .split(marker)
      .find((p) => p.includes('\r\n\r\n') && !p.startsWith('--'));
    if (!part) return '';
    return part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
  }
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(raw.toString('utf8'));
    return form.get('body') ?? form.get('content') ?? raw.toString('utf8');
  }
  return raw.toString('utf8');
}
