#!/usr/bin/env bash
# FaqBot start-up benchmark (issue #11: process start to the first answered question ≤ 1 s). Not a test.
#
#   bash tests/FaqBot.LoadTest/startup.sh [RUNS]
#
# Publishes the server as the Dockerfile does (ReadyToRun for this machine's runtime; PUBLISH_ARGS= publishes plainly,
# to compare), then RUNS times (default 5): starts it on a free loopback port (Production,
# anonymous /api/messages) and posts one expectReplies question every 20 ms from the moment the process is spawned
# until one is answered with 200 and replies. Prints each run's time from spawn to that answer, and the median.
# Traffic stays on 127.0.0.1.
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/faqbot-startup.XXXXXX")
pid=
trap '[[ -n $pid ]] && kill $pid 2>/dev/null; rm -rf "$work"' EXIT

echo "Publishing the server (Release) …"
dotnet publish "$root/src/FaqBot/FaqBot.csproj" -c Release -o "$work/server" --nologo -v quiet \
    ${PUBLISH_ARGS---use-current-runtime --self-contained false -p:PublishReadyToRun=true} >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 2; }
echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"

body='{"type":"message","id":"s1","channelId":"emulator","from":{"id":"u"},"recipient":{"id":"faqbot"},"conversation":{"id":"startup"},"locale":"da-DK","deliveryMode":"expectReplies","text":"Hjælper øvelser mod iskias?"}'
times=()
for run in $(seq 1 "$runs"); do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    start=$(date +%s%N)
    ASPNETCORE_ENVIRONMENT=Production BotChannel__AllowAnonymous=true MicrosoftAppId= MicrosoftAppPassword= \
        "$work/server/FaqBot" --urls "http://127.0.0.1:$port" --contentRoot "$work/server" >"$work/server-$run.log" 2>&1 &
    pid=$!
    answered=
    for _ in $(seq 1 1500); do
        out=$(curl -s --max-time 5 -w '\n%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/messages" 2>/dev/null || true)
        if [[ ${out##*$'\n'} == 200 && $out == *'"activities"'* ]]; then
            answered=$(date +%s%N)
            break
        fi
        sleep 0.02
    done
    kill $pid; wait $pid 2>/dev/null || true; pid=
    [[ -z $answered ]] && { echo "run $run: no answer within 30 s" >&2; cat "$work/server-$run.log" >&2; exit 1; }
    ms=$(( (answered - start) / 1000000 ))
    times+=("$ms")
    echo "run $run: first answer after $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms (of $runs runs)"
