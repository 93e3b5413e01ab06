#!/usr/bin/env bash
# ShopApp under load beside a bare ASP.NET Core session app, in the same run (docs/PERFORMANCE.md).
#
#   bench/run.sh               the full run: budgets enforced, exits 1 and names every budget that failed
#   bench/run.sh --smoke       a few seconds per case, budgets reported but not enforced (CI runs this)
#   bench/run.sh --tuning-off  the same cases on the plain path (Tuning:Enabled=false): what the tuning wing buys
#   bench/run.sh --redis       the same cases with sessions in Redis (a throwaway redis-server on its own port)
# The budgets are the tuned SQLite shop's; the --tuning-off and --redis runs report them without enforcing them.
#
# Needs wrk (Debian package; installed when missing and running as root). Everything listens on 127.0.0.1 and
# everything it starts is stopped on exit.
set -euo pipefail

smoke=false; enforce=true; mode="tuned, SQLite sessions"
tuning=true; store=Sqlite
for arg in "$@"; do
  case $arg in
    --smoke) smoke=true ;;
    --tuning-off) tuning=false; enforce=false ;;
    --redis) store=Redis; enforce=false ;;
    *) echo "usage: $0 [--smoke] [--tuning-off] [--redis]" >&2; exit 2 ;;
  esac
done
mode="Tuning:Enabled=$tuning, Session:Store=$store"
# Every ShopApp this script starts (and the driver's first-response one) inherits these.
export Tuning__Enabled=$tuning Session__Store=$store

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/shopapp-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if $smoke; then
  # Enough to prove every step still works (CI runs it), on one connection count.
  # Without ReadyToRun the publish reuses the Release build the scale-out cluster made before it in CI.
  # No warm-up: its figures are not compared with anything.
  duration=1s; warm_slice=1s; warm_max=0; sessions=50; memory_sessions=300; rounds=1; connection_counts="32"; ready_to_run=false
else
  duration=10s; warm_slice=3s; warm_max=15; sessions=1000; memory_sessions=10000; rounds=2; connection_counts="32 128"; ready_to_run=true
fi

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing wrk..."
    (apt-get install -y wrk || (apt-get update && apt-get install -y wrk)) >/dev/null
  else
    echo "wrk is missing: sudo apt-get install -y wrk" >&2
    exit 2
  fi
fi

echo "Building (Release)..."
# ReadyToRun, as docs/PERFORMANCE.md recommends for deployment: the app and its packages arrive precompiled.
# (Not in the smoke run, whose figures are not budgets.)
if $ready_to_run; then publish_flags=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true); else publish_flags=(); fi
dotnet publish "$root/ShopApp/ShopApp.csproj" -c Release "${publish_flags[@]}" \
  -o "$work/shop" --nologo -v q >/dev/null
dotnet publish "$root/bench/Reference/Reference.csproj" -c Release -o "$work/reference" --nologo -v q >/dev/null
dotnet build "$root/bench/Driver/Driver.csproj" -c Release -o "$work/driver" --nologo -v q >/dev/null
driver() { dotnet "$work/driver/Driver.dll" "$@"; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# Starts ShopApp in Production on a throwaway database; sets $shop_pid and $shop_url.
start_shop() {
  local port; port=$(free_port)
  (cd "$work/shop" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Shop="Data Source=$1" Session__SqlitePath="$1.sessions" exec dotnet ShopApp.dll >"$work/shop-$port.log" 2>&1) &
  shop_pid=$!; pids+=("$shop_pid"); shop_url="http://127.0.0.1:$port"
  wait_for "$shop_url/" "X-Forwarded-Proto: https"
}

start_reference() {
  local port; port=$(free_port)
  (cd "$work/reference" && ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet Reference.dll >"$work/reference.log" 2>&1) &
  reference_pid=$!; pids+=("$reference_pid"); reference_url="http://127.0.0.1:$port"
  wait_for "$reference_url/read" "X-Any: 1"
}

wait_for() {
  for _ in $(seq 1 300); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "$2" "$1" || true) == 200 ]]; then return 0; fi
    sleep 0.1
  done
  echo "$1 did not answer" >&2; exit 1
}

peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

if [[ $store == Redis ]]; then
  command -v redis-server >/dev/null || { echo "redis-server is missing: apt-get install -y redis-server" >&2; exit 2; }
  redis_port=$(free_port)
  mkdir -p "$work/redis"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --appendonly yes --appendfsync everysec --save "" \
    --daemonize yes --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log"
  for _ in $(seq 1 40); do redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG && break; sleep 0.25; done
  pids+=("$(cat "$work/redis/redis.pid")")
  export ConnectionStrings__Redis="127.0.0.1:$redis_port"
fi
echo "Mode: $mode"

echo "Time to first response..."
first_response=$(driver first-response "$work/shop/ShopApp.dll" "$(free_port)" "$work/start.db" | sed 's/first_response_ms=//')

echo "Starting both apps..."
start_shop "$work/shop.db"
start_reference
driver add-products "$work/shop.db" 30

echo "Preparing $sessions sessions in each app..."
# Add-to-cart gets sessions of its own, so the page cases always show the same 5-line carts.
driver prepare-shop "$shop_url" "$sessions" "$work/shop-sessions.txt"
driver prepare-shop "$shop_url" "$sessions" "$work/shop-write-sessions.txt"
driver prepare-ref "$reference_url" "$sessions" "$work/reference-sessions.txt"
driver prepare-ref "$reference_url" "$sessions" "$work/reference-write-sessions.txt"

# run_wrk <url> <connections> <method> <path> <sessions-file> <expected status> [form]
run_wrk() {
  BENCH_METHOD=$3 BENCH_PATH=$4 BENCH_SESSIONS=$5 BENCH_EXPECT=$6 BENCH_FORM=${7:-} BENCH_ENCODING=${encoding:-} \
    wrk -t2 -c"$2" -d"${run_for:-$duration}" --timeout 5s -s "$root/bench/wrk/session.lua" "$1" | grep '^RESULT'
}

add_form='productId={product}&quantity=1&__RequestVerificationToken={token}'
cases=(
  "catalog|GET|/?category=kitchen|$work/shop-sessions.txt|200|read"
  "product|GET|/Products/7|$work/shop-sessions.txt|200|read"
  "cart|GET|/Cart|$work/shop-sessions.txt|200|read"
  "add-to-cart|POST|/Cart?handler=Add|$work/shop-write-sessions.txt|302|write"
  "home (anonymous)|GET|/||200|read"
  # No budget: the stylesheet passes every middleware and loads the session (language, sign-in) but renders no
  # page, so its ratio is what the session machinery and the pipeline leave of the reference's speed.
  "stylesheet (no page)|GET|/css/site.css|$work/shop-sessions.txt|200|floor"
  # No budget: the product page again, asked for in Brotli as browsers do; beside "product" it prices compressing
  # pages (the other cases send no Accept-Encoding, so their figures are uncompressed).
  "product (Brotli)|GET|/Products/7|$work/shop-sessions.txt|200|compressed"
)
# Warm-up, unmeasured: .NET compiles hot code again, optimised, once it has run for a while, and on two busy cores
# that takes ShopApp far longer than the small reference (docs/PERFORMANCE.md shows add-to-cart still climbing well
# after the short fixed warm-up this script used to run). So each case runs in short slices until two slices in a row are no faster than the best one
# before them: the measured rounds then see the app as it runs all day, not as it starts.
# warm_until_steady <label> <run_wrk arguments...>
warm_until_steady() {
  local label=$1 best=0 flat=0 rps slices=0; shift
  while (( slices < warm_max && flat < 2 )); do
    rps=$(run_for=$warm_slice run_wrk "$@" | sed -E 's/.* rps=([0-9]+).*/\1/')
    slices=$((slices + 1))
    if (( rps * 100 > best * 105 )); then best=$rps; flat=0; else flat=$((flat + 1)); fi
  done
  echo "  $label: $slices slices of $warm_slice (best $best req/s)"
}
if (( warm_max > 0 )); then
  echo "Warming up..."
  for spec in "${cases[@]}"; do
    IFS='|' read -r name method path file status kind <<<"$spec"
    encoding=$([[ $kind == compressed ]] && echo br || true)
    warm_until_steady "$name" "$shop_url" 32 "$method" "$path" "$file" "$status" "$add_form"
    encoding=""
  done
  warm_until_steady "reference read" "$reference_url" 32 GET /read "$work/reference-sessions.txt" 200
  warm_until_steady "reference write" "$reference_url" 32 POST /write "$work/reference-write-sessions.txt" 302
fi

results="$work/results.txt"
: >"$results"
for connections in $connection_counts; do
  for spec in "${cases[@]}"; do
    IFS='|' read -r name method path file status kind <<<"$spec"
    for round in $(seq 1 "$rounds"); do
      # The two apps alternate, case by case, so both see the same machine at nearly the same moment.
      if [[ $kind != write ]]; then
        ref=$(run_wrk "$reference_url" "$connections" GET /read "$work/reference-sessions.txt" 200)
      else
        ref=$(run_wrk "$reference_url" "$connections" POST /write "$work/reference-write-sessions.txt" 302)
      fi
      shop=$(encoding=$([[ $kind == compressed ]] && echo br || true) run_wrk "$shop_url" "$connections" "$method" "$path" "$file" "$status" "$add_form")
      echo "$name|$connections|$kind|$round|$shop|$ref" >>"$results"
      echo "  $name @$connections #$round: ShopApp ${shop#RESULT } | reference ${ref#RESULT }"
    done
  done
done
shop_peak=$(peak_rss_mb "$shop_pid")
reference_peak=$(peak_rss_mb "$reference_pid")

echo "Session cookie size..."
cookie=$(driver cookie-size "$shop_url")

echo "Memory for $memory_sessions sessions (a fresh ShopApp)..."
start_shop "$work/memory.db"
# The live managed heap is read with dotnet-gcdump, pinned in the repository's tool manifest.
(cd "$root" && dotnet tool restore >/dev/null)
memory=$(SHOPAPP_ROOT="$root" driver memory "$shop_url" "$shop_pid" "$memory_sessions")

python3 - "$results" "$( $enforce && echo "$smoke" || echo true)" "$first_response" "$shop_peak" "$reference_peak" "$cookie" "$memory" "$memory_sessions" <<'PY'
import re, sys
results, smoke, first, shop_peak, ref_peak, cookie, memory, memory_sessions = sys.argv[1:]
smoke = smoke == "true"
def parse(text):
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", text)}
rows = {}
for line in open(results):
    name, conns, kind, rnd, shop, ref = line.rstrip("\n").split("|")
    rows.setdefault((name, int(conns), kind), []).append((parse(shop), parse(ref)))
def mean(xs): return sum(xs) / len(xs)
failures = []
print()
print("| case | conns | ShopApp req/s | p50 ms | p99 ms | errors | reference req/s | ratio | budget |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for (name, conns, kind), runs in rows.items():
    shop_rps = mean([s["rps"] for s, _ in runs]); ref_rps = mean([r["rps"] for _, r in runs])
    p50 = mean([s["p50_ms"] for s, _ in runs]); p99 = max(s["p99_ms"] for s, _ in runs)
    errors = sum(s["socket_errors"] + s["unexpected"] for s, _ in runs); fivexx = sum(s["fivexx"] for s, _ in runs)
    ref_errors = sum(r["socket_errors"] + r["unexpected"] for _, r in runs)
    ratio = shop_rps / ref_rps if ref_rps else 0
    need = 0.4 if kind == "write" else (0.5 if name in ("catalog", "product") else None)
    verdict = []
    if need is not None and ratio < need: verdict.append(f"ratio {ratio:.2f} < {need}")
    if conns == 128 and p99 >= 50 and kind != "compressed": verdict.append(f"p99 {p99:.1f} ms >= 50")
    if errors or fivexx: verdict.append(f"{errors:.0f} errors, {fivexx:.0f} 5xx")
    if ref_errors: verdict.append(f"reference had {ref_errors:.0f} errors")
    failures += [f"{name} @{conns}: {v}" for v in verdict]
    print(f"| {name} | {conns} | {shop_rps:,.0f} | {p50:.1f} | {p99:.1f} | {errors:.0f} ({fivexx:.0f} 5xx) | {ref_rps:,.0f} ({'write' if kind == 'write' else 'read'}) | {ratio:.2f} | {'ok' if not verdict else 'FAIL'} |")
c = dict(re.findall(r"(\w+)=(\d+)", cookie))
if int(c["lines_in_cart"]) != 50: failures.append(f"the cookie test reached {c['lines_in_cart']} lines, not 50")
m = dict(re.findall(r"(\w+)=([\d.]+)", memory))
held = float(m["heap_after_mb"]) - float(m["heap_before_mb"])
rss_held = float(m["rss_after_mb"]) - float(m["rss_before_mb"])
print()
print(f"Peak RSS: ShopApp {shop_peak} MB, reference {ref_peak} MB")
print(f"Session cookie: {c['cookie_empty_cart_bytes']} bytes with an empty cart, {c['cookie_50_lines_bytes']} bytes with {c['lines_in_cart']} lines (the same session)")
print(f"Memory: live managed heap {m['heap_before_mb']} MB before, {m['heap_after_mb']} MB after {memory_sessions} sessions with 5-line carts: {held:.1f} MB held (RSS {m['rss_before_mb']} to {m['rss_after_mb']} MB, {rss_held:+.1f})")
print(f"First response after `dotnet ShopApp.dll`: {first} ms (fresh database)")
if c["cookie_empty_cart_bytes"] != c["cookie_50_lines_bytes"]: failures.append("the session cookie grows with the cart")
if int(memory_sessions) >= 10000 and held >= 150: failures.append(f"10,000 sessions hold {held:.1f} MB >= 150")
if first == "timeout" or float(first) >= 3000: failures.append(f"first response {first} ms >= 3000")
print()
if failures:
    print("Budgets failed:" if not smoke else "Budgets not met (not enforced in this run):")
    for f in failures: print(f"  - {f}")
    sys.exit(0 if smoke else 1)
print("All budgets met." if not smoke else "Budgets met (not enforced in this run).")
PY
