#!/usr/bin/env bash
# FaqBot load benchmark (issue #9, point 8). Not a test: `dotnet test` never runs it.
#
#   bash tests/FaqBot.LoadTest/run.sh
#
# 1. Publishes the server in Release and starts it on a free loopback port as in production (ASPNETCORE_ENVIRONMENT=
#    Production, its logging) but with anonymous /api/messages turned on (no MicrosoftAppId, BotChannel:AllowAnonymous=
#    true), and the anonymous and Direct Line rate limits raised for the run.
# 2. wrk: POST /api/messages (expectReplies, rotating the questions in questions.txt) and GET /healthz of the same
#    server, at 1, 16 and 64 connections, LOAD_DURATION seconds each (default 10); prints requests/s, p50, p99 and the
#    ratio messages/healthz. Falls back to GET / (with a note) while the server has no /healthz.
# 3. Restarts the server and runs the Direct Line client (this project): LOAD_CONVERSATIONS (200) conversations of
#    LOAD_MESSAGES (20) messages over WebSocket, all at once; checks nothing is lost, duplicated or out of order and
#    reports reply latency and the server's RSS before and after.
# 4. With Debian's postgresql installed: the same Direct Line run on two replicas sharing one PostgreSQL (LOAD_REPLICAS=0
#    skips it).
# Exits 1 if a Direct Line run lost, duplicated or reordered anything (or timed out), or a wrk run got errors.
#
# Needs the .NET 10 SDK, curl and wrk (Debian: `apt-get install wrk`, as root). Traffic stays on 127.0.0.1.
set -euo pipefail

duration=${LOAD_DURATION:-10}
connection_counts=${LOAD_CONNECTIONS:-"1 16 64"}
conversations=${LOAD_CONVERSATIONS:-200}
messages=${LOAD_MESSAGES:-20}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
questions=$here/questions.txt

for tool in wrk curl dotnet; do
    if ! command -v "$tool" >/dev/null; then
        case $tool in
            wrk) echo "wrk is not installed. On Debian/Ubuntu: apt-get update && apt-get install -y wrk (as root)." >&2 ;;
            *) echo "$tool is not installed." >&2 ;;
        esac
        exit 2
    fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/faqbot-load.XXXXXX")
server_pid=
stop_server() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

echo "Publishing the server and building the Direct Line client (Release) …"
dotnet publish "$root/src/FaqBot/FaqBot.csproj" -c Release -o "$work/server" --nologo -v quiet >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 2; }
dotnet publish "$here/FaqBot.LoadTest.csproj" -c Release -o "$work/client" --nologo -v quiet >>"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 2; }

# Starts a fresh server on 127.0.0.1 and a port the kernel picks; sets server_pid and base.
start_server() {
    local log=$work/server-$1.log
    ASPNETCORE_ENVIRONMENT=Production \
    BotChannel__AllowAnonymous=true \
    BotChannel__AnonymousRequestsPerMinute=1000000000 \
    MicrosoftAppId= \
    MicrosoftAppPassword= \
    DirectLine__TokenRequestsPerMinute=1000000 \
    DirectLine__MessagesPerMinute=1000000 \
    DirectLine__MaxConversations=100000 \
    DirectLine__MaxOpenSockets=100000 \
        "$work/server/FaqBot" --urls http://127.0.0.1:0 --contentRoot "$work/server" >"$log" 2>&1 &
    server_pid=$!
    base=
    for _ in $(seq 1 600); do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "The server exited during start-up:" >&2
            cat "$log" >&2
            exit 2
        fi
        base=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 | sed 's/Now listening on: //') || true
        if [[ -n $base ]] && curl -s -o /dev/null --max-time 2 "$base/"; then
            return
        fi
        sleep 0.1
    done
    echo "The server did not answer within 60 s:" >&2
    cat "$log" >&2
    exit 2
}

# Runs wrk and prints "rps p50 p99 non2xx socket_errors".
run_wrk() {
    local connections=$1 seconds=$2 url=$3
    shift 3
    local threads=$((connections < 2 ? connections : 2))
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s -s "$here/wrk/load.lua" "$url" "$@" \
        | sed -n 's/^WRK_RESULT requests=[0-9]* rps=\([0-9.]*\) p50_ms=\([0-9.]*\) p99_ms=\([0-9.]*\) non2xx=\([0-9]*\) socket_errors=\([0-9]*\)$/\1 \2 \3 \4 \5/p'
}

cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //' || echo unknown)
echo "Machine: $cpu, $(nproc) cores, $(uname -sr), .NET $(dotnet --version), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "wrk and the client run on the same machine as the server, over loopback. Load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
echo

start_server wrk
messages_url=$base/api/messages

# The server must take anonymous expectReplies messages, or every figure below would be of an error page.
first=$(sed -n '/^[[:space:]]*[^#[:space:]]/{p;q}' "$questions")
probe=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary @- "$messages_url" <<JSON
{"type":"message","id":"probe","channelId":"emulator","from":{"id":"load-user"},"recipient":{"id":"faqbot"},"conversation":{"id":"load-probe"},"locale":"da-DK","deliveryMode":"expectReplies","text":"$first"}
JSON
)
if [[ ${probe##*$'\n'} != 200 || $probe != *'"activities"'* ]]; then
    echo "POST /api/messages did not answer an anonymous expectReplies message with 200 and replies (got HTTP ${probe##*$'\n'})." >&2
    exit 1
fi

health_path=/healthz
health_status=$(curl -s -o /dev/null -w '%{http_code}' "$base/healthz")
if [[ $health_status == 404 ]]; then
    health_path=/
    echo "NOTE: /healthz answered 404 on this build; GET / (the chat page) stands in for it below."
elif [[ $health_status != 200 ]]; then
    echo "GET /healthz answered $health_status." >&2
    exit 1
fi
health_url=$base$health_path

echo "Warming up (3 s each) …"
run_wrk 16 3 "$messages_url" "$questions" >/dev/null
run_wrk 16 3 "$health_url" >/dev/null

status=0
table=$work/table.txt
printf '%-11s | %-32s | %-32s | %s\n' "" "POST /api/messages (expectReplies)" "GET $health_path" "ratio" >"$table"
printf '%-11s | %10s %10s %10s | %10s %10s %10s | %s\n' connections "req/s" "p50 ms" "p99 ms" "req/s" "p50 ms" "p99 ms" "messages/health" >>"$table"
for connections in $connection_counts; do
    echo "wrk: $connections connection(s), ${duration} s per endpoint …"
    read -r m_rps m_p50 m_p99 m_bad m_err < <(run_wrk "$connections" "$duration" "$messages_url" "$questions") || true
    read -r h_rps h_p50 h_p99 h_bad h_err < <(run_wrk "$connections" "$duration" "$health_url") || true
    if [[ -z ${m_rps:-} || -z ${h_rps:-} ]]; then
        echo "wrk printed no result at $connections connection(s)." >&2
        exit 1
    fi
    if ((m_bad + m_err + h_bad + h_err > 0)); then
        echo "wrk at $connections connection(s): messages $m_bad non-2xx / $m_err socket errors, health $h_bad / $h_err." >&2
        status=1
    fi
    ratio=$(awk -v m="$m_rps" -v h="$h_rps" 'BEGIN { printf "%.1f %%", (h > 0 ? 100 * m / h : 0) }')
    printf '%-11s | %10s %10s %10s | %10s %10s %10s | %s\n' "$connections" "$m_rps" "$m_p50" "$m_p99" "$h_rps" "$h_p50" "$h_p99" "$ratio" >>"$table"
done
stop_server

echo
cat "$table"
echo

# A fresh server, so its RSS before and after is Direct Line's alone.
start_server directline
echo "Direct Line: $conversations conversations × $messages messages …"
if ! dotnet "$work/client/FaqBot.LoadTest.dll" --url "$base" --server-pid "$server_pid" --questions "$questions" \
    --conversations "$conversations" --messages "$messages" --parallel "$conversations" --timeout 300; then
    status=1
fi
stop_server

# 4. Two replicas sharing one PostgreSQL (issue #14): the same Direct Line run, each patient starting on one replica,
#    streaming from the other and posting to both in turn. Needs Debian's postgresql (initdb, pg_ctl); skipped without it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -n $pg_bin && -x $pg_bin/pg_ctl && ${LOAD_REPLICAS:-1} != 0 ]]; then
    # Its own temporary directory: as root, PostgreSQL runs as the postgres user, who cannot enter $work.
    pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/faqbot-load-pg.XXXXXX")
    as_pg=()
    if [[ $(id -u) == 0 ]]; then
        chown postgres "$pg_dir"
        as_pg=(runuser -u postgres --)
    fi
    pg_port=
    for _ in $(seq 1 100); do
        candidate=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            pg_port=$candidate
            break
        fi
    done
    "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U faqbot --auth=trust -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
        || { cat "$work/initdb.log" >&2; exit 2; }
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
        -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $pg_dir -c max_connections=300" start >/dev/null
    stop_postgres() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; }
    trap 'stop_server; stop_replica; stop_postgres; rm -rf "$work" "$pg_dir"' EXIT
    signing_key=$(head -c 32 /dev/urandom | base64)
    export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=faqbot;Database=postgres;Maximum Pool Size=100"
    export DirectLine__TokenSigningKey=$signing_key
    start_server replica-b
    replica_pid=$server_pid
    replica_base=$base
    stop_replica() { [[ -n ${replica_pid:-} ]] && kill "$replica_pid" 2>/dev/null && wait "$replica_pid" 2>/dev/null || true; }
    server_pid=
    start_server replica-a
    echo
    echo "Direct Line on two replicas sharing PostgreSQL ($("$pg_bin/postgres" --version)): $conversations conversations × $messages messages …"
    if ! dotnet "$work/client/FaqBot.LoadTest.dll" --url "$base" --replica "$replica_base" --server-pid "$server_pid" --questions "$questions" \
        --conversations "$conversations" --messages "$messages" --parallel "$conversations" --timeout 300; then
        status=1
    fi
    stop_server
    stop_replica
    stop_postgres
    unset ConnectionStrings__Postgres DirectLine__TokenSigningKey
elif [[ ${LOAD_REPLICAS:-1} == 0 ]]; then
    echo "LOAD_REPLICAS=0: the two-replica run is skipped."
else
    echo "PostgreSQL is not installed (apt-get install postgresql): the two-replica run is skipped."
fi

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v load="${load_after%% *}" -v cores="$(nproc)" 'BEGIN { exit !(load > cores) }'; then
    echo "Load average after: $load_after, above the $(nproc) cores: other processes shared the CPU, so the figures are noisy."
else
    echo "Load average after: $load_after."
fi
exit $status
