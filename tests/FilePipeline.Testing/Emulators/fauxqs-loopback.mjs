// Starts fauxqs (SQS + S3 emulator) on 127.0.0.1 only: fauxqs binds every interface, so
// net.Server.listen is wrapped to force the loopback host. Prints "FAUXQS_READY <port>".
// With --fake-clock, fauxqs's Date.now (which its visibility timeouts and redrive read) is real time
// plus an offset that only a test moves, through POST /advance?ms=N on a second loopback port, and
// the line is "FAUXQS_READY <port> <clock port>".
import http from "node:http";
import net from "node:net";
import { pathToFileURL } from "node:url";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args[0] !== null && typeof args[0] === "object") {
    args[0] = { ...args[0], host: "127.0.0.1" };
  } else if (typeof args[0] === "number" || /^\d+$/.test(String(args[0]))) {
    if (typeof args[1] === "string") {
      args[1] = "127.0.0.1";
    } else {
      args.splice(1, 0, "127.0.0.1");
    }
  }
  return listen.apply(this, args);
};

let clockPort = "";
if (process.argv[3] === "--fake-clock") {
  const realNow = Date.now;
  let offset = 0;
  Date.now = () => realNow() + offset;
  const clock = http.createServer((request, response) => {
    const url = new URL(request.url, "http://127.0.0.1");
    const ms = Number(url.searchParams.get("ms"));
    if (request.method !== "POST" || url.pathname !== "/advance" || !Number.isFinite(ms) || ms < 0) {
      response.writeHead(400).end("POST /advance?ms=<non-negative milliseconds>");
      return;
    }
    offset += ms;
    response.end(String(Date.now()));
  });
  await new Promise((resolve) => clock.listen(0, resolve));
  clockPort = ` ${clock.address().port}`;
}

const { startFauxqs } = await import(pathToFileURL(process.argv[2]).href);
const server = await startFauxqs({ port: 0, logger: false });
console.log(`FAUXQS_READY ${server.port}${clockPort}`);
