import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback WebSocket server for browser tests that answers each text frame with
 * `echo <text>`: the handshake and unfragmented frames of RFC 6455, nothing more.
 */
export async function startEchoSocketServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(426);
    res.end();
  });
  server.on('upgrade', (req, socket) => {
    const key = String(req.headers['sec-websocket-key'] ?? '');
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const frame = (opcode: number, payload: Buffer) =>
      Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), payload]);
    socket.on('data', (data: Buffer) => {
      const opcode = data[0]! & 0x0f;
      const length = data[1]! & 0x7f;
      const mask = data.subarray(2, 6);
      const payload = Buffer.from(data.subarray(6, 6 + length).map((b, i) => b ^ mask[i % 4]!));
      if (opcode === 0x1) socket.write(frame(0x1, Buffer.from(`echo ${payload.toString()}`)));
      else if (opcode === 0x8) {
        socket.write(frame(0x8, payload));
        socket.end();
      }
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
