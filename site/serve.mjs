// A small static file server for the site and the browser tests. It sends the two headers that make a page
// cross-origin isolated (so that `SharedArrayBuffer` exists and `einsum(..., { threads })` may use Web Workers):
//
//   Cross-Origin-Opener-Policy: same-origin
//   Cross-Origin-Embedder-Policy: require-corp
//
// Usage: `node site/serve.mjs [folder] [--port 8080] [--plain]` (folder defaults to site/dist; `--plain` leaves the
// headers out, and the page then runs on one thread).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

const contentTypes = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ttf": "font/ttf",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the files under `root` on 127.0.0.1 (a random free port unless `port` is given). `isolate(url)` decides,
 * per request, whether the response carries the cross-origin isolation headers (default: always).
 * Resolves to the server's base URL and a `close()`.
 * @param {{ root: string, port?: number, isolate?: (url: URL) => boolean }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveStatic({ root, port = 0, isolate = () => true }) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const headers = isolate(url) ? { ...isolationHeaders } : {};
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        response.writeHead(301, { ...headers, Location: `${url.pathname}/` }).end();
        return;
      }
      response.writeHead(200, {
        ...headers,
        "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
        "Content-Length": info.size,
        "Cache-Control": "no-cache",
      });
      if (request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { ...headers, "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise((done) => server.listen(port, "127.0.0.1", () => done(undefined)));
  const address = server.address();
  const boundPort = typeof address === "object" && address !== null ? address.port : port;
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done(undefined));
      }),
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf("--port");
  const port = portAt >= 0 ? Number(args[portAt + 1]) : 8080;
  const plain = args.includes("--plain");
  const folder = args.find((arg, index) => !arg.startsWith("--") && (portAt < 0 || index !== portAt + 1));
  const root = folder ?? fileURLToPath(new URL("./dist/", import.meta.url));
  const { url } = await serveStatic({ root, port, isolate: () => !plain });
  console.log(`Serving ${root} at ${url}${plain ? " (not cross-origin isolated: one thread)" : " (cross-origin isolated)"}`);
}
