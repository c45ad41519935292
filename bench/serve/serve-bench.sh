#!/usr/bin/env bash
# One run of the `filepipeline serve` benchmark (docs/serve.md#benchmark), printing one table:
#  1. `aws s3 cp --recursive` of N small CSVs into serve until the ledger shows all PROCESSED,
#     beside `filepipeline process` of the same files (same machine, same run);
#  2. a 1 GB file uploaded in a single stream (`aws s3 cp`, one request at a time, 8 MiB parts) into serve
#     (--no-pipeline: the S3 path alone) beside the same upload into fauxqs's S3 (which refuses bodies
#     above 11 MiB, so a single 1 GB PutObject is measured into serve only);
#  3. peak RSS (VmHWM) of each server process, and of serve while the pipeline inspects the 1 GB file.
# Usage: bench/serve/serve-bench.sh [FILES=500] [BIG_MB=1024]
# Needs: the Release build of the CLI (dotnet build src/FilePipeline.Cli -c Release), Debian awscli
# (/usr/bin/aws), node, and fauxqs in .tools (the test fixtures install it).
set -euo pipefail

FILES=${1:-500}
BIG_MB=${2:-1024}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FP=(dotnet "$ROOT/src/FilePipeline.Cli/bin/Release/net10.0/filepipeline.dll")
AWS=/usr/bin/aws
TEMPLATE="$ROOT/serverless.template"
BUCKET=filepipeline-uploads-123456789012-us-east-1
WORK=$(mktemp -d)
SERVER_PID=

export AWS_ACCESS_KEY_ID=filepipeline AWS_SECRET_ACCESS_KEY=filepipeline-local AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE=/nonexistent AWS_SHARED_CREDENTIALS_FILE=/nonexistent AWS_PAGER= AWS_EC2_METADATA_DISABLED=true

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
seconds() { echo "$2 - $1" | bc -l; }
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts `filepipeline serve` on a fresh state directory; sets SERVER_PID and ENDPOINT.
start_serve() {
  local port; port=$(free_port)
  FILEPIPELINE_HOME="$WORK/$1" "${FP[@]}" serve --port "$port" --template "$TEMPLATE" "${@:2}" > "$WORK/$1.log" 2>&1 &
  SERVER_PID=$!
  ENDPOINT="http://127.0.0.1:$port"
  until grep -q '^serving ' "$WORK/$1.log"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/$1.log"; exit 1; }
    sleep 0.1
  done
}

# Waits (at most 15 minutes) until the ledger holds $1 PROCESSED records; stops at once if any is REJECTED or FAILED.
wait_processed() {
  local deadline=$((SECONDS + 900)) statuses
  while true; do
    statuses=$("$AWS" dynamodb scan --endpoint-url "$ENDPOINT" --table-name filepipeline-files --projection-expression '#s' \
      --expression-attribute-names '{"#s":"status"}' --query 'Items[].status.S' --output text | tr '\t' '\n')
    [[ "$(grep -c '^PROCESSED$' <<< "$statuses")" == "$1" ]] && return
    ! grep -qE '^(REJECTED|FAILED)$' <<< "$statuses" || { echo "a file was not processed: see $ENDPOINT/" >&2; exit 1; }
    (( SECONDS < deadline )) || { echo "not all PROCESSED after 15 minutes" >&2; exit 1; }
    sleep 0.2
  done
}

[[ -f "${FP[1]}" ]] || { echo "build the CLI first: dotnet build src/FilePipeline.Cli -c Release" >&2; exit 1; }

mkdir -p "$WORK/small"
for i in $(seq 1 "$FILES"); do
  printf 'id,amount,customer,comment\n%d,%d.50,customer-%d,"bench file %d"\n%d,%d.25,customer-%d,second row\n' \
    "$i" "$i" "$i" "$i" "$((i + 1))" "$i" "$i" > "$WORK/small/file-$i.csv"
done

# 1a. aws s3 cp --recursive into serve, until every file is PROCESSED in the ledger.
start_serve small-serve
start=$(now)
"$AWS" s3 cp --recursive --quiet "$WORK/small" "s3://$BUCKET/bench/" --endpoint-url "$ENDPOINT"
uploaded=$(now)
wait_processed "$FILES"
settled=$(now)
serve_small_rss=$(peak_rss_mb "$SERVER_PID")
stop_server
serve_small=$(seconds "$start" "$settled")
serve_upload=$(seconds "$start" "$uploaded")

# 1b. filepipeline process of the same files (uploads and runs until every file settles).
start=$(now)
/usr/bin/time -f '%M' -o "$WORK/process.rss" "${FP[@]}" process "$WORK"/small/*.csv --key-prefix bench/ \
  --state-dir "$WORK/process-state" --template "$TEMPLATE" > "$WORK/process.log"
process_small=$(seconds "$start" "$(now)")
process_rss=$(awk '{ printf "%.0f", $1 / 1024 }' "$WORK/process.rss")

# 2. The 1 GB file, one request at a time: the CLI's multipart upload with concurrency 1, and (serve only) one PutObject.
printf '[default]\ns3 =\n  max_concurrent_requests = 1\n  multipart_chunksize = 8MB\n' > "$WORK/single-stream.config"
single_stream_cp() { AWS_CONFIG_FILE="$WORK/single-stream.config" "$AWS" s3 cp --quiet "$WORK/big.csv" "s3://$1/big/big.csv" --endpoint-url "$ENDPOINT"; }
row='12345,678.90,customer-name,"a quoted, comma"'
# Whole rows up to BIG_MB MiB, header included (1 GiB is also the template's MAX_FILE_BYTES).
{ echo 'id,amount,customer,comment'; yes "$row" | head -n "$(((BIG_MB * 1024 * 1024 - 64) / (${#row} + 1)))" || true; } > "$WORK/big.csv"
big_mb=$(echo "$(stat -c %s "$WORK/big.csv") / 1048576" | bc -l)
start_serve big-serve --no-pipeline
start=$(now)
single_stream_cp "$BUCKET"
serve_big=$(seconds "$start" "$(now)")
start=$(now)
"$AWS" s3api put-object --endpoint-url "$ENDPOINT" --bucket "$BUCKET" --key big/whole.csv --body "$WORK/big.csv" > /dev/null
serve_put=$(seconds "$start" "$(now)")
serve_big_rss=$(peak_rss_mb "$SERVER_PID")
stop_server

# The same multipart upload into fauxqs's S3.
node "$ROOT/tests/FilePipeline.Testing/Emulators/fauxqs-loopback.mjs" "$ROOT/.tools/node_modules/fauxqs/dist/app.js" > "$WORK/fauxqs.log" 2>&1 &
SERVER_PID=$!
until grep -q '^FAUXQS_READY ' "$WORK/fauxqs.log"; do sleep 0.1; done
ENDPOINT="http://127.0.0.1:$(awk '/^FAUXQS_READY/ { print $2 }' "$WORK/fauxqs.log")"
"$AWS" s3api create-bucket --endpoint-url "$ENDPOINT" --bucket bench > /dev/null
start=$(now)
single_stream_cp bench
fauxqs_big=$(seconds "$start" "$(now)")
fauxqs_rss=$(peak_rss_mb "$SERVER_PID")
stop_server

# 3. serve with the pipeline: the same 1 GB file uploaded and inspected (peak RSS while it streams through).
start_serve big-pipeline
"$AWS" s3api put-object --endpoint-url "$ENDPOINT" --bucket "$BUCKET" --key big/big.csv --body "$WORK/big.csv" > /dev/null
wait_processed 1
pipeline_big_rss=$(peak_rss_mb "$SERVER_PID")
stop_server

printf '\n%s, %s cores, %s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(nproc)" "$(date -u +%FT%TZ)"
printf '| measure | serve | beside | ratio |\n|---|---|---|---|\n'
printf '| %s CSVs: aws s3 cp --recursive until all PROCESSED | %.1f s (%.1f files/s; upload alone %.1f s) | filepipeline process: %.1f s (%.1f files/s) | %.2f × the time |\n' \
  "$FILES" "$serve_small" "$(echo "$FILES / $serve_small" | bc -l)" "$serve_upload" "$process_small" "$(echo "$FILES / $process_small" | bc -l)" "$(echo "$serve_small / $process_small" | bc -l)"
printf '| %.0f MB, aws s3 cp in one stream (8 MiB parts) | %.0f MB/s | fauxqs S3: %.0f MB/s | %.2f × fauxqs'"'"'s speed |\n' \
  "$big_mb" "$(echo "$big_mb / $serve_big" | bc -l)" "$(echo "$big_mb / $fauxqs_big" | bc -l)" "$(echo "$fauxqs_big / $serve_big" | bc -l)"
printf '| %.0f MB, one PutObject | %.0f MB/s | fauxqs: refused (11 MiB body limit) | |\n' "$big_mb" "$(echo "$big_mb / $serve_put" | bc -l)"
printf '| peak RSS | small files %s MB; 1 GB uploads %s MB; 1 GB upload + inspection %s MB | process %s MB; fauxqs (1 GB upload) %s MB | |\n' \
  "$serve_small_rss" "$serve_big_rss" "$pipeline_big_rss" "$process_rss" "$fauxqs_rss"
