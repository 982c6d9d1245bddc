import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';

export type SocketEnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/**
 * The Socket Mode side of the stand-in: the app connects to the URL `apps.connections.open` hands
 * out, gets `hello`, and acknowledges each envelope with its `envelope_id`, as with Slack. With
 * several connections (replicas), each envelope goes to one of them, in turn, as Slack spreads them.
 */
export class SocketModeHub {
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #acks = new Map<string, (payload: unknown) => void>();
  #sockets: WebSocket[] = [];
  #turn = 0;
  readonly #waiters = new Set<{ count: number; resolve: () => void }>();

  constructor(httpServer: Server) {
    httpServer.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) return void socket.destroy();
      this.#server.handleUpgrade(req, socket, head, (ws) => this.#accept(ws));
    });
  }

  #accept(ws: WebSocket): void {
    this.#sockets.push(ws);
    ws.on('close', () => {
      this.#sockets = this.#sockets.filter((open) => open !== ws);
    });
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
      if (message.envelope_id) this.#acks.get(message.envelope_id)?.(message.payload ?? null);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#sockets.length,
        debug_info: { host: 'stand-in' },
        connection_info: { app_id: 'A123456' },
      }),
    );
    for (const waiter of [...this.#waiters]) {
      if (this.#sockets.length >= waiter.count) {
        this.#waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  /** Resolves once `count` connections are open (one app, or several replicas). */
  connected(count = 1): Promise<void> {
    if (this.#sockets.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.add({ count, resolve }));
  }

  /** Connections open now. */
  get connections(): number {
    return this.#sockets.length;
  }

  /**
   * Sends an envelope over the next connection in turn and resolves with the app's
   * acknowledgement payload (null when it sent none).
   */
  send(type: SocketEnvelopeType, payload: Record<string, unknown>, timeoutMs = 3_000): Promise<unknown> {
    const socket = this.#sockets[this.#turn++ % Math.max(1, this.#sockets.length)];
    if (!socket) return Promise.reject(new Error('no Socket Mode connection'));
    const envelopeId = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.#acks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        this.#acks.delete(envelopeId);
        resolve(ack);
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          retry_attempt: 0,
          retry_reason: '',
        }),
      );
    });
  }

  close(): void {
    for (const client of this.#server.clients) client.terminate();
    this.#server.close();
  }
}
