# Same-run A/B of the embedded queue's (queue, sent_at) index (docs/local.md, "One file at a time"):
# the cost it adds to a message's life (send; retention purge + receive; delete), each step its own
# commit under synchronous=FULL as the pipeline makes it, with and without it, over a backlog of
# messages not yet due. Usage: python3 bench/queue-index-ab.py BACKLOG MESSAGES ROUNDS
import os, shutil, sqlite3, sys, tempfile, time, uuid
SCHEMA = """
CREATE TABLE queue_messages(seq INTEGER PRIMARY KEY AUTOINCREMENT, queue TEXT NOT NULL, message_id TEXT NOT NULL UNIQUE,
 body TEXT NOT NULL, md5 TEXT NOT NULL, sent_at INTEGER NOT NULL, visible_at INTEGER NOT NULL, receive_count INTEGER NOT NULL DEFAULT 0,
 first_received_at INTEGER NULL, receipt_handle TEXT NULL UNIQUE, dead_lettered_from TEXT NULL);
CREATE INDEX queue_messages_ready ON queue_messages(queue, visible_at, seq);
"""
BODY = '{"Records":[' + 'x' * 900 + ']}'
def run(with_index, backlog, n):
    d = tempfile.mkdtemp()
    db = sqlite3.connect(os.path.join(d, 'q.db'), isolation_level=None)
    db.execute('PRAGMA journal_mode=WAL'); db.execute('PRAGMA synchronous=FULL')
    db.executescript(SCHEMA)
    if with_index: db.execute('CREATE INDEX queue_messages_sent ON queue_messages(queue, sent_at)')
    now = 10**12
    db.execute('BEGIN IMMEDIATE')
    for i in range(backlog):  # a backlog of messages not yet due (invisible), as a queue under load holds
        db.execute('INSERT INTO queue_messages(queue,message_id,body,md5,sent_at,visible_at) VALUES (?,?,?,?,?,?)', ('q', str(uuid.uuid4()), BODY, 'm', now, now + 10**9))
    db.execute('COMMIT')
    t = time.perf_counter()
    for i in range(n):
        now += 1
        db.execute('BEGIN IMMEDIATE'); db.execute('INSERT INTO queue_messages(queue,message_id,body,md5,sent_at,visible_at) VALUES (?,?,?,?,?,?)', ('q', str(uuid.uuid4()), BODY, 'm', now, now)); db.execute('COMMIT')
        db.execute('BEGIN IMMEDIATE')
        db.execute('DELETE FROM queue_messages WHERE queue = ? AND sent_at <= ?', ('q', now - 345600000))
        rows = db.execute('SELECT seq FROM queue_messages WHERE queue = ? AND visible_at <= ? AND seq > 0 ORDER BY seq LIMIT 10', ('q', now)).fetchall()
        h = str(uuid.uuid4())
        for (seq,) in rows: db.execute('UPDATE queue_messages SET receive_count = 1, receipt_handle = ?, visible_at = ? WHERE seq = ?', (h, now + 30000, seq))
        db.execute('COMMIT')
        db.execute('BEGIN IMMEDIATE'); db.execute('DELETE FROM queue_messages WHERE queue = ? AND receipt_handle = ?', ('q', h)); db.execute('COMMIT')
    el = time.perf_counter() - t
    db.close()
    shutil.rmtree(d)
    return el / (3 * n) * 1000
backlog = int(sys.argv[1]); n = int(sys.argv[2]); rounds = int(sys.argv[3])
for r in range(rounds):
    for w in (True, False):
        print(f"backlog {backlog} {'with' if w else 'without'} sent_at index: {run(w, backlog, n):.3f} ms per commit", flush=True)
