import net from 'node:net';

/**
 * A TCP proxy the test controls, between the bot and a shared service: `cut()` simulates an outage
 * (open connections dropped, new ones refused) without touching the server other test files use.
 */
export interface TcpProxy {
  readonly port: number;
  /**
   * Drops the open connections. New ones are refused (a server that is down), or with
   * `{ silent: true }` accepted and never answered (a host that stopped responding: the client
   * learns of it only from its own timeout).
   */
  cut(options?: { silent?: boolean }): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let open = true;
  let silent = false;
  const sockets = new Set<net.Socket>();
  /** Connections accepted during a silent cut, never answered. */
  const held = new Set<net.Socket>();
  const track = (socket: net.Socket, into = sockets) => {
    into.add(socket);
    socket.on('close', () => into.delete(socket));
  };
  const server = net.createServer((client) => {
    if (!open) {
      if (!silent) return void client.destroy();
      // Held open, read and ignored: the client waits for an answer that never comes.
      track(client, held);
      client.on('error', () => client.destroy());
      client.resume();
      return;
    }
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      track(socket);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  const dropAll = () => {
    for (const socket of [...sockets, ...held]) socket.destroy();
  };
  return {
    port: address.port,
    cut(options = {}) {
      open = false;
      silent = options.silent ?? false;
      dropAll();
    },
    restore() {
      open = true;
      // Connections held unanswered during a silent cut end now; new ones go through.
      for (const socket of held) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
