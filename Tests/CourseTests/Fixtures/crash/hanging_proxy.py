"""A loopback proxy in front of a moto server that passes every request on,
except that after forwarding one whose form body names HANG_ACTION it never
answers: the resource exists, but the caller never hears of it. Used to kill
ecslab between a create call's intent and its result."""
import http.client
import http.server
import socketserver
import sys
import threading
import time
import urllib.parse

upstream = urllib.parse.urlparse(sys.argv[1])
hang_action = sys.argv[2].encode()


class Proxy(http.server.BaseHTTPRequestHandler):
    def _relay(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        connection = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        connection.request(self.command, self.path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        if b"Action=" + hang_action + b"&" in body + b"&":
            sys.stdout.write("hanging\n")
            sys.stdout.flush()
            while True:
                time.sleep(3600)
        self.send_response(response.status)
        for key, value in response.getheaders():
            if key.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _relay

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Proxy)
sys.stdout.write(f"{server.server_address[1]}\n")
sys.stdout.flush()
server.serve_forever()
