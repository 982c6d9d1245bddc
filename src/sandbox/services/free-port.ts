import net from 'node:net';

/**
 * A port nothing listens on right now, found by letting the kernel pick one. Another process could
 * take it before ours binds it; on a developer's machine that race is rare enough to accept.
 */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') reject(new Error('no port was assigned'));
        else resolve(address.port);
      });
    });
  });
}
