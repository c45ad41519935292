#!/usr/bin/env bash
# Whole-process figures of the published CLI (issue 15): `files` on a 1- and a 10,000-record ledger,
# `--help`, and `states run` of a two-Pass definition; hyperfine for time, /usr/bin/time for peak RSS.
# Usage: bench/cli-startup.sh DIR [DIR...]   (each DIR holds a published `filepipeline`, e.g.
#   dotnet publish src/FilePipeline.Cli -c Release -o /tmp/fp-cli). Needs hyperfine and sqlite3 (Debian packages).
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
first=$1/filepipeline

# A ledger of N PROCESSED records, written straight into the embedded table as the pipeline writes them.
ledger() {
  "$first" files --state-dir "$work/led$1" >/dev/null
  sqlite3 "$work/led$1/filepipeline.db" "
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $1),
    r AS (SELECT i, 'uploads-000000000000-us-east-1/in/batch-' || (i % 97) || '/file-' || i || '.csv@' || printf('%032x', i * 2654435761) AS id,
                 strftime('%Y-%m-%dT%H:%M:%S.000Z', 1796000000 + (i * 7919) % 86400, 'unixepoch') AS at FROM n)
    INSERT INTO dynamodb_items (table_name, item_key, item, size_bytes)
    SELECT 'filepipeline-files', json_array(json_object('S', id)), item, length(item) FROM (
      SELECT id, json_object('fileId', json_object('S', id), 'bucket', json_object('S', 'uploads-000000000000-us-east-1'),
        'key', json_object('S', 'in/file-' || i || '.csv'), 'fileName', json_object('S', 'file-' || i || '.csv'),
        'eTag', json_object('S', substr(id, -32)), 'sizeBytes', json_object('N', '' || (100 + i)), 'status', json_object('S', 'PROCESSED'),
        'attempts', json_object('N', '1'), 'firstSeenAt', json_object('S', at), 'updatedAt', json_object('S', at),
        'processedAt', json_object('S', at), 'rowCount', json_object('N', '' || (i % 1000)), 'columnCount', json_object('N', '3'),
        'checksum', json_object('S', substr(id, -32)), 'claimedBy', json_object('S', 'exec-' || i)) AS item FROM r);"
}
ledger 1
ledger 10000
echo '{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"n":1},"ResultPath":"$.a","Next":"B"},"B":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a.n, 2)"},"End":true}}}' > "$work/small.asl.json"

uptime
args=()
for dir in "$@"; do
  cli=$dir/filepipeline
  "$cli" files --state-dir "$work/led10000" >/dev/null # builds the listing index once (a state directory from before it)
  args+=(-n "$dir files 10k" "$cli files --state-dir $work/led10000"
         -n "$dir files 10k --json" "$cli files --state-dir $work/led10000 --json"
         -n "$dir files 1" "$cli files --state-dir $work/led1"
         -n "$dir --help" "$cli --help"
         -n "$dir states run" "$cli states run $work/small.asl.json")
done
hyperfine -N --warmup 3 --runs "${RUNS:-20}" "${args[@]}"
for dir in "$@"; do
  for command in "files --state-dir $work/led10000" "files --state-dir $work/led10000 --json" "files --state-dir $work/led1" "states run $work/small.asl.json"; do
    /usr/bin/time -f "$dir ${command/$work\//}: peak RSS %M KB" "$dir/filepipeline" $command >/dev/null
  done
done
uptime
