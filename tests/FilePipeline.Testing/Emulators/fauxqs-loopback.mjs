// Starts fauxqs (SQS + S3 emulator) on 127.0.0.1 only: fauxqs binds every interface, so
// net.Server.listen is wrapped to force the loopback host. Prints "FAUXQS_READY <port>".
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

const { startFauxqs } = await import(pathToFileURL(process.argv[2]).href);
const server = await startFauxqs({ port: 0, logger: false });
console.log(`FAUXQS_READY ${server.port}`);
