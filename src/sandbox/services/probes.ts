import net from 'node:net';
import type { HostPort } from './sandbox-env.js';

/** Whether anything accepts a TCP connection there within `timeoutMs`. */
export function tcpAnswers(address: HostPort, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.host, port: address.port, timeout: timeoutMs });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * Whether a Redis there answers PING with PONG. Something else on the port, or a Redis that wants a
 * password (`-NOAUTH`), is not one the sandbox can use.
 */
export function redisAnswersPing(address: HostPort, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.host, port: address.port, timeout: timeoutMs });
    let reply = '';
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
    socket.once('end', () => done(false));
  });
}
