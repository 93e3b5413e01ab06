#!/usr/bin/env bash
# ShopApp scaled out on this machine: a throwaway PostgreSQL cluster (catalog, accounts, orders), a throwaway Redis
# (sessions, sign-in tickets, session locks, Data Protection keys; append-only file on), three ShopApp instances and
# nginx in front (TLS with a throwaway certificate, round-robin, no sticky sessions), all on 127.0.0.1.
#
#   scripts/scale-out.sh [start]        build, start everything, print SHOPAPP_SCALEOUT_URL
#   scripts/scale-out.sh stop           stop everything this script started and delete its folder
#   scripts/scale-out.sh stop-instance N / start-instance N   stop or start one instance (1-3)
#   scripts/scale-out.sh stop-redis / start-redis              stop or start Redis (its append-only file stays)
#   scripts/scale-out.sh status
#
# Settings (environment): SHOPAPP_SCALEOUT_DIR (default /tmp/shopapp-scaleout), SHOPAPP_SCALEOUT_PG_PORT (55432),
# SHOPAPP_SCALEOUT_REDIS_PORT (56379),
# SHOPAPP_SCALEOUT_PORT (8443, nginx), SHOPAPP_SCALEOUT_FIRST_APP_PORT (5301; the instances use it and the next two),
# SHOPAPP_SCALEOUT_TEACHING (true: teaching mode on, for the "one server or many" lesson; false for a plain shop).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${SHOPAPP_SCALEOUT_DIR:-/tmp/shopapp-scaleout}"
PG_PORT="${SHOPAPP_SCALEOUT_PG_PORT:-55432}"
REDIS_PORT="${SHOPAPP_SCALEOUT_REDIS_PORT:-56379}"
LB_PORT="${SHOPAPP_SCALEOUT_PORT:-8443}"
APP_PORT="${SHOPAPP_SCALEOUT_FIRST_APP_PORT:-5301}"
INSTANCES=3
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
PG_PASSWORD="shopapp-scaleout"
CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=shopapp;Password=$PG_PASSWORD;Database=shopapp;Maximum Pool Size=40"

log() { echo "scale-out: $*" >&2; }

# PostgreSQL refuses to run as root; the cluster then belongs to the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

app_port() { echo $((APP_PORT + $1 - 1)); }

wait_for() { # url, what, [extra curl args...]
  local url=$1 what=$2; shift 2
  for _ in $(seq 1 120); do
    if curl -ks -o /dev/null -w '%{http_code}' "$@" "$url" | grep -q '^200$'; then return 0; fi
    sleep 0.5
  done
  log "$what did not answer at $url"
  return 1
}

start_postgres() {
  [ -n "$PG_BIN" ] || { log "PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
  mkdir -p "$DIR/pg"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR/pg"; fi
  if [ ! -f "$DIR/pg/data/PG_VERSION" ]; then
    echo "$PG_PASSWORD" > "$DIR/pg/pw" && chmod 644 "$DIR/pg/pw"
    as_pg "$PG_BIN/initdb" -D "$DIR/pg/data" -U shopapp --pwfile="$DIR/pg/pw" -A scram-sha-256 >"$DIR/pg/initdb.log" 2>&1
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/postgres.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $DIR/pg -c max_connections=200" start >/dev/null
  PGPASSWORD=$PG_PASSWORD "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U shopapp -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'shopapp'" | grep -q 1 \
    || PGPASSWORD=$PG_PASSWORD "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U shopapp shopapp
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
}

start_redis() {
  command -v redis-server >/dev/null || { log "Redis is not installed (apt-get install -y redis-server)"; exit 1; }
  mkdir -p "$DIR/redis"
  # Its own port and folder; append-only file with a write per second, so a restart finds every cart.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$DIR/redis" --appendonly yes --appendfsync everysec \
    --save "" --daemonize yes --pidfile "$DIR/redis/redis.pid" --logfile "$DIR/redis/redis.log"
  for _ in $(seq 1 40); do
    if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then log "Redis on 127.0.0.1:$REDIS_PORT"; return 0; fi
    sleep 0.25
  done
  log "Redis did not answer on 127.0.0.1:$REDIS_PORT"; return 1
}

stop_redis() {
  if [ -f "$DIR/redis/redis.pid" ]; then
    local pid; pid=$(cat "$DIR/redis/redis.pid")
    # SHUTDOWN writes the append-only file out before Redis exits; a plain kill is the fallback.
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$DIR/redis/redis.pid"
    log "Redis stopped"
  fi
}

build_app() {
  log "publishing ShopApp (Release) to $DIR/app"
  dotnet publish "$ROOT/ShopApp/ShopApp.csproj" -c Release -o "$DIR/app" -v quiet -nologo >"$DIR/publish.log" 2>&1 \
    || { cat "$DIR/publish.log" >&2; exit 1; }
}

start_instance() {
  local n=$1 port
  port=$(app_port "$n")
  if [ -f "$DIR/instance-$n.pid" ] && kill -0 "$(cat "$DIR/instance-$n.pid")" 2>/dev/null; then return 0; fi
  (
    cd "$DIR/app"
    ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres Session__Store=Redis \
    ConnectionStrings__Postgres="$CONNECTION" ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" \
    Instance__Name="instance-$n" Seed__DemoUsers=true \
    Teaching__Enabled="${SHOPAPP_SCALEOUT_TEACHING:-true}" \
      nohup dotnet ShopApp.dll >"$DIR/instance-$n.log" 2>&1 &
    echo $! >"$DIR/instance-$n.pid"
  )
  # Outside Development the shop only answers HTTPS; nginx says so with X-Forwarded-Proto, and so does this check.
  wait_for "http://127.0.0.1:$port/" "instance $n" -H "X-Forwarded-Proto: https"
  log "instance $n on 127.0.0.1:$port"
}

stop_instance() {
  local n=$1
  if [ -f "$DIR/instance-$n.pid" ]; then
    local pid; pid=$(cat "$DIR/instance-$n.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$DIR/instance-$n.pid"
    log "instance $n stopped"
  fi
}

start_nginx() {
  mkdir -p "$DIR/nginx/tmp" && chmod 777 "$DIR/nginx/tmp"
  if [ ! -f "$DIR/nginx/cert.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
      -addext "subjectAltName=IP:127.0.0.1" -keyout "$DIR/nginx/key.pem" -out "$DIR/nginx/cert.pem" >/dev/null 2>&1
  fi
  local servers="" n
  for n in $(seq 1 $INSTANCES); do
    servers+="    server 127.0.0.1:$(app_port "$n") max_fails=1 fail_timeout=5s;"$'\n'
  done
  cat >"$DIR/nginx/nginx.conf" <<CONF
daemon on;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log $DIR/nginx/access.log;
  client_body_temp_path $DIR/nginx/tmp/body;
  proxy_temp_path $DIR/nginx/tmp/proxy;
  fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
  uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
  scgi_temp_path $DIR/nginx/tmp/scgi;
  # Round-robin over the instances and nothing sticky: each request may land on any of them.
  upstream shopapp {
$servers    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB_PORT ssl;
    ssl_certificate $DIR/nginx/cert.pem;
    ssl_certificate_key $DIR/nginx/key.pem;
    location / {
      proxy_pass http://shopapp;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      # A stopped instance refuses the connection: the request (never sent) goes to the next one.
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
  nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx"
  wait_for "https://127.0.0.1:$LB_PORT/" "nginx"
  log "nginx on https://127.0.0.1:$LB_PORT"
}

stop_all() {
  local n
  if [ -f "$DIR/nginx/nginx.pid" ]; then nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -s stop 2>/dev/null || kill "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null || true; fi
  for n in $(seq 1 $INSTANCES); do stop_instance "$n"; done
  stop_redis
  if [ -n "$PG_BIN" ] && [ -f "$DIR/pg/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    log "PostgreSQL stopped"
  fi
  rm -rf "$DIR"
}

case "${1:-start}" in
  start)
    command -v nginx >/dev/null || { log "nginx is not installed (apt-get install -y nginx)"; exit 1; }
    mkdir -p "$DIR"
    # The cluster's files belong to the postgres user when run as root: it must be able to reach them.
    chmod 755 "$DIR"
    start_postgres
    start_redis
    build_app
    # The first instance creates and seeds the database; the others start on it.
    for n in $(seq 1 $INSTANCES); do start_instance "$n"; done
    start_nginx
    echo "SHOPAPP_SCALEOUT_URL=https://127.0.0.1:$LB_PORT"
    ;;
  stop) stop_all ;;
  stop-instance) stop_instance "${2:?which instance (1-$INSTANCES)}" ;;
  start-instance) start_instance "${2:?which instance (1-$INSTANCES)}" ;;
  stop-redis) stop_redis ;;
  start-redis) start_redis ;;
  status)
    for n in $(seq 1 $INSTANCES); do
      if [ -f "$DIR/instance-$n.pid" ] && kill -0 "$(cat "$DIR/instance-$n.pid")" 2>/dev/null; then echo "instance $n: running on $(app_port "$n")"; else echo "instance $n: stopped"; fi
    done
    ;;
  *) echo "usage: $0 [start|stop|stop-instance N|start-instance N|stop-redis|start-redis|status]" >&2; exit 2 ;;
esac
