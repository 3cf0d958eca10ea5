"""A minimal PostgreSQL v3 protocol client (simple and extended query) for Tusk's tests.

Only what the tests need: trust or SCRAM-SHA-256 startup, simple queries, Parse/Bind/Execute
with text parameters, and ErrorResponse decoding. Standard library only.
"""
import base64
import hashlib
import hmac
import os
import socket
import struct


class PgError(Exception):
    def __init__(self, fields):
        self.fields = fields
        self.sqlstate = fields.get("C")
        super().__init__("%s: %s" % (fields.get("C"), fields.get("M")))


class Connection:
    def __init__(self, host="127.0.0.1", port=5433, user="postgres", database="postgres", password=None, timeout=30):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buf = b""
        params = b"user\0" + user.encode() + b"\0database\0" + database.encode() + b"\0\0"
        self.sock.sendall(struct.pack("!ii", 8 + len(params), 196608) + params)
        self.status = None
        self.params = {}
        while True:
            t, body = self._read()
            if t == b"R":
                code = struct.unpack("!i", body[:4])[0]
                if code == 10:
                    self._scram(user, password or "")
                elif code != 0:
                    raise RuntimeError("unsupported auth %d" % code)
            elif t == b"S":
                k, v, _ = body.split(b"\0", 2)
                self.params[k.decode()] = v.decode()
            elif t == b"E":
                raise PgError(self._fields(body))
            elif t == b"K":
                self.pid, self.secret = struct.unpack("!ii", body)
            elif t == b"Z":
                self.status = body.decode()
                return

    def _scram(self, user, password):
        nonce = base64.b64encode(os.urandom(18)).decode()
        first_bare = "n=,r=" + nonce
        msg = ("n,," + first_bare).encode()
        mech = b"SCRAM-SHA-256\0"
        self._send(b"p", mech + struct.pack("!i", len(msg)) + msg)
        t, body = self._read()
        if t == b"E":
            raise PgError(self._fields(body))
        server_first = body[4:].decode()
        attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
        salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
        client_key = hmac.new(salted, b"Client Key", "sha256").digest()
        stored = hashlib.sha256(client_key).digest()
        final_wo = "c=biws,r=" + attrs["r"]
        auth = (first_bare + "," + server_first + "," + final_wo).encode()
        sig = hmac.new(stored, auth, "sha256").digest()
        proof = bytes(a ^ b for a, b in zip(client_key, sig))
        self._send(b"p", (final_wo + ",p=" + base64.b64encode(proof).decode()).encode())
        t, body = self._read()
        if t == b"E":
            raise PgError(self._fields(body))

    def _send(self, t, body):
        self.sock.sendall(t + struct.pack("!i", len(body) + 4) + body)

    def _read(self):
        while len(self.buf) < 5:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buf += chunk
        t = self.buf[:1]
        n = struct.unpack("!i", self.buf[1:5])[0]
        while len(self.buf) < 1 + n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            self.buf += chunk
        body = self.buf[5:1 + n]
        self.buf = self.buf[1 + n:]
        return t, body

    @staticmethod
    def _fields(body):
        out = {}
        for part in body.split(b"\0"):
            if part:
                out[chr(part[0])] = part[1:].decode()
        return out

    @staticmethod
    def _data_row(body):
        """A DataRow's column values as bytes (None for NULL)."""
        n = struct.unpack("!h", body[:2])[0]
        pos, row = 2, []
        for _ in range(n):
            ln = struct.unpack("!i", body[pos:pos + 4])[0]
            pos += 4
            row.append(None if ln < 0 else body[pos:pos + ln])
            pos += max(ln, 0)
        return row

    def _collect(self):
        """Reads results until ReadyForQuery. Returns (rows, tags); raises PgError on error.
        The column names of the last row description are left in self.columns (None if the
        statement returned no rows)."""
        rows, tags, error = [], [], None
        self.columns = None
        while True:
            t, body = self._read()
            if t == b"T":
                n = struct.unpack("!h", body[:2])[0]
                pos, self.columns = 2, []
                for _ in range(n):
                    end = body.index(b"\0", pos)
                    self.columns.append(body[pos:end].decode())
                    pos = end + 1 + 18  # table oid, column, type oid, size, modifier, format
            elif t == b"D":
                rows.append([None if v is None else v.decode() for v in self._data_row(body)])
            elif t == b"C":
                tags.append(body[:-1].decode())
            elif t == b"E":
                error = PgError(self._fields(body))
            elif t == b"Z":
                self.status = body.decode()
                if error:
                    raise error
                return rows, tags

    def query(self, sql):
        self._send(b"Q", sql.encode() + b"\0")
        return self._collect()

    def execute(self, sql, params=()):
        """Extended protocol: unnamed statement, text parameters and results."""
        self._send(b"P", b"\0" + sql.encode() + b"\0" + struct.pack("!h", 0))
        self._bind("", params)
        self._send(b"D", b"P\0")
        self._send(b"E", b"\0" + struct.pack("!i", 0))
        self._send(b"S", b"")
        return self._collect()

    def prepare(self, name, sql):
        """Parse a named statement (parameter types inferred by the server)."""
        self._send(b"P", name.encode() + b"\0" + sql.encode() + b"\0" + struct.pack("!h", 0))
        self._send(b"S", b"")
        return self._collect()

    def execute_prepared(self, name, params=()):
        """Bind and execute a named statement with text parameters and results."""
        self._bind(name, params)
        self._send(b"E", b"\0" + struct.pack("!i", 0))
        self._send(b"S", b"")
        return self._collect()

    def bind_portal(self, portal, statement, params=()):
        """Bind a named portal (no Sync: follow with execute_portal and sync)."""
        self._bind(statement, params, portal)

    def execute_portal(self, portal, max_rows):
        """Execute a portal for at most max_rows rows (0: all), without Sync."""
        self._send(b"E", portal.encode() + b"\0" + struct.pack("!i", max_rows))

    def sync(self):
        """Sync, then what came back since the last one, as a list of events: ("row", [text]),
        ("suspended",), ("tag", text), ("error", sqlstate); ends at ReadyForQuery."""
        self._send(b"S", b"")
        events = []
        while True:
            t, body = self._read()
            if t == b"D":
                events.append(("row", [None if v is None else v.decode() for v in self._data_row(body)]))
            elif t == b"s":
                events.append(("suspended",))
            elif t == b"C":
                events.append(("tag", body[:-1].decode()))
            elif t == b"E":
                events.append(("error", self._fields(body).get("C")))
            elif t == b"Z":
                self.status = body.decode()
                return events

    def _bind(self, statement, params, portal=""):
        """Bind a portal (the unnamed one by default) to a statement with text parameters (None
        is NULL)."""
        body = portal.encode() + b"\0" + statement.encode() + b"\0" + struct.pack("!h", 0) + struct.pack("!h", len(params))
        for p in params:
            if p is None:
                body += struct.pack("!i", -1)
            else:
                b = p if isinstance(p, bytes) else str(p).encode()
                body += struct.pack("!i", len(b)) + b
        body += struct.pack("!h", 0)
        self._send(b"B", body)

    def execute_binary(self, sql, params, param_formats, result_format):
        """Extended protocol with pre-encoded parameter bytes and chosen formats; returns raw
        result column bytes."""
        self._send(b"P", b"\0" + sql.encode() + b"\0" + struct.pack("!h", 0))
        body = b"\0\0" + struct.pack("!h", len(param_formats)) + b"".join(struct.pack("!h", f) for f in param_formats)
        body += struct.pack("!h", len(params))
        for p in params:
            body += struct.pack("!i", len(p)) + p
        body += struct.pack("!hh", 1, result_format)
        self._send(b"B", body)
        self._send(b"E", b"\0" + struct.pack("!i", 0))
        self._send(b"S", b"")
        rows, raw = [], []
        while True:
            t, b = self._read()
            if t == b"D":
                raw.append(self._data_row(b))
            elif t == b"E":
                err = PgError(self._fields(b))
                while self._read()[0] != b"Z":
                    pass
                raise err
            elif t == b"Z":
                return raw

    def raw(self, data):
        self.sock.sendall(data)

    def close(self):
        try:
            self._send(b"X", b"")
        except OSError:
            pass
        self.sock.close()
