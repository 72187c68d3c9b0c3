#!/usr/bin/env node
/**
 * Serves the built preview (dist/preview) on this machine only: http://127.0.0.1:3001/preview.html.
 * `npm run preview` builds, then runs this. PORT=… to change the port; the tests start it on a free one.
 * CommonJS so that both node and the jest tests can load it.
 */
const { createServer } = require('node:http');
const { readFile } = require('node:fs/promises');
const { extname, join, normalize } = require('node:path');

const root = join(__dirname, '..', '..', 'dist', 'preview');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function startPreviewServer(port = Number(process.env.PORT ?? 3001)) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'preview.html' : path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

module.exports = { startPreviewServer };

if (require.main === module) {
  startPreviewServer().then((server) => {
    const { port } = server.address();
    console.log(`考核助手浏览器预览：http://127.0.0.1:${port}/preview.html （按 Ctrl+C 停止）`);
  });
}
