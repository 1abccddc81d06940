#!/usr/bin/env bash
# deploy/nginx-muamala.conf, run as shipped (only its ports, upstream and certificate paths
# changed) by nginx on loopback in front of the real muamala-server: HTTPS with HSTS, the redirect
# from plain HTTP, the client's real address reaching the server's audit through X-Forwarded-For
# (and a client's own forged X-Forwarded-For not), and nginx's own refusals in the server's
# bilingual error body. Usage: nginx_test.sh MUAMALA_SERVER NGINX_CONF
set -euo pipefail
server_binary=$1
site_conf=$2
work=$(mktemp -d)
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null
  [ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
check() {  # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; failures=$((failures + 1)); fi
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The server, trusting only the proxy's address (nginx connects from 127.0.0.1; the test's client
# comes from 127.0.0.2, which loopback also answers to).
"$server_binary" --port 0 --db "$work/muamala.db" --trusted-proxy 127.0.0.1 --secure-cookies \
  >/dev/null 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do grep -q 'serving http' "$work/server.err" && break; sleep 0.1; done
server_port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.err" | head -n 1 | sed 's/.*://')
[ -n "$server_port" ] || { cat "$work/server.err"; exit 1; }

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=muamala.example \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
http_port=$(free_port)
tls_port=$(free_port)
sed -e "s|listen 80;|listen 127.0.0.1:$http_port;|" -e '/listen \[::\]:/d' \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$tls_port ssl http2;|" \
    -e "s|server 127.0.0.1:8080;|server 127.0.0.1:$server_port;|" \
    -e "s|/etc/letsencrypt/live/muamala.example/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/letsencrypt/live/muamala.example/privkey.pem|$work/key.pem|" \
    "$site_conf" >"$work/site.conf"
grep -q "127.0.0.1:$server_port" "$work/site.conf" || { echo "the example's upstream was not found"; exit 1; }
mkdir -p "$work/temp"
cat >"$work/nginx.conf" <<CONF
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  include $work/site.conf;
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off; master_process off;' &
nginx_pid=$!
for _ in $(seq 50); do curl -sk -o /dev/null "https://127.0.0.1:$tls_port/" && break; sleep 0.1; done

client=(curl -sk --interface 127.0.0.2 --max-time 10)
https="https://127.0.0.1:$tls_port"

headers=$("${client[@]}" -D - -o "$work/health.json" "$https/api/v1/health")
check "health answers 200 over HTTPS" grep -q '^HTTP/[0-9.]* 200' <<<"$headers"
check "with Strict-Transport-Security" grep -qi '^strict-transport-security: max-age=' <<<"$headers"
check "plain HTTP is sent to HTTPS" grep -q '^Location: https://' <<<"$("${client[@]}" -D - -o /dev/null "http://127.0.0.1:$http_port/")"

# A wrong password through the proxy, with a forged X-Forwarded-For: the audit names the client.
"${client[@]}" -o /dev/null -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.9' \
  --data '{"civil_id":"280010101234","password":"a wrong password"}' "$https/api/v1/session"
# The same straight to the server (not from the trusted proxy): the forged header is ignored.
"${client[@]}" -o /dev/null -H 'Content-Type: application/json' -H 'X-Forwarded-For: 203.0.113.9' \
  --data '{"civil_id":"280010101234","password":"a wrong password"}' "http://127.0.0.1:$server_port/api/v1/session"
audited=$(sqlite3 "$work/muamala.db" "SELECT group_concat(json_extract(details, '\$.remote_address'), ' ') FROM audit_log WHERE action = 'session.password_refused'")
check "the audit names the real client both times, never the forged or the proxy's address ($audited)" \
  test "$audited" = "127.0.0.2 127.0.0.2"

# nginx's own refusals carry the server's error body in both languages.
head -c 100000 /dev/zero | tr '\0' 'a' >"$work/large.json"
large=$("${client[@]}" -w '\n%{http_code}' -H 'Content-Type: application/json' --data-binary "@$work/large.json" "$https/api/v1/session")
check "a 100 KB body is refused with 413 and the standard body" \
  python3 -c 'import json,sys; body,status=sys.argv[1].rsplit("\n",1); e=json.loads(body)["error"]; sys.exit(not (status=="413" and e["code"]=="request.too_large" and e["message"]["ar"]))' "$large"

if [ "$failures" -ne 0 ]; then
  echo "--- nginx error log"; cat "$work/error.log" || true
  echo "$failures checks failed"; exit 1
fi
echo "all checks passed"
