#!/usr/bin/env bash
# `make cms`: the browser editor (/admin/) and the site, locally, without GitHub.
#
# Decap's local backend (decap-server in git mode) switches branches and runs `git add .`
# in the folder it is given, so it never gets this checkout: it works on its own clone
# (CMS_REPO, .cms/ by default, made on first use and brought up to date with this
# checkout's branch on later runs when it has nothing unpublished). The site is served
# from that clone too, so what the editor saves and publishes is what the site shows.
# This checkout's files, committed or not, are never written: bringing the editor's work
# back is a `git pull` the person runs, printed below.
#
# Environment: BIN (the .venv's bin), HOST (site address, 127.0.0.1:8000), CMS_REPO,
# CMS_PORT (decap-server's port; Decap's editor looks for it on 8081), SERVE_FLAGS.
set -euo pipefail

root=$(git rev-parse --show-toplevel)
BIN=${BIN:-$root/.venv/bin}
HOST=${HOST:-127.0.0.1:8000}
CMS_REPO=${CMS_REPO:-$root/.cms}
CMS_PORT=${CMS_PORT:-8081}
SERVE_FLAGS=${SERVE_FLAGS:---dirty --no-strict}
case $CMS_REPO in /*) ;; *) CMS_REPO=$root/$CMS_REPO ;; esac

if [ "$(cd "$(dirname "$CMS_REPO")" 2>/dev/null && pwd)/$(basename "$CMS_REPO")" = "$root" ]; then
  echo "Redigeringen må ikke arbejde i selve projektmappen: giv den en anden mappe, fx make cms CMS_REPO=.cms" >&2
  exit 2
fi

branch=$(git -C "$root" rev-parse --abbrev-ref HEAD)
if [ ! -d "$CMS_REPO/.git" ]; then
  echo "Laver redigeringens egen kopi af projektet i $CMS_REPO (første gang) ..."
  git clone --quiet --branch "$branch" "$root" "$CMS_REPO"
else
  # Up to date with this checkout's commits, unless the copy has work of its own.
  git -C "$CMS_REPO" fetch --quiet origin "$branch" || true
  if [ -z "$(git -C "$CMS_REPO" status --porcelain)" ] \
     && git -C "$CMS_REPO" checkout --quiet "$branch" 2>/dev/null \
     && git -C "$CMS_REPO" merge --quiet --ff-only FETCH_HEAD 2>/dev/null; then
    :
  else
    echo "Bemærk: redigeringens kopi $CMS_REPO har ændringer, der ikke er i dit projekt; den bruges, som den er."
  fi
fi

echo "Redigering: http://$HOST/admin/ (lokal, uden GitHub)"
echo "Et gem bliver en gren cms/jobs/<filnavn> i $CMS_REPO, og Publicer fletter den ind i $branch dér."
echo "Dine egne filer i $root røres ikke. Hent det publicerede hertil med: git pull $CMS_REPO $branch"

# The tools of the checkout this script is in (a project copy elsewhere has no node_modules).
node_bin=$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin/decap-server
MODE=git GIT_REPO_DIRECTORY="$CMS_REPO" PORT="$CMS_PORT" BIND_HOST=127.0.0.1 LOG_LEVEL=warn "$node_bin" &
cms=$!
trap 'kill $cms 2>/dev/null || true' EXIT INT TERM
# shellcheck disable=SC2086  # SERVE_FLAGS is a list of flags
"$BIN/mkdocs" serve -f "$CMS_REPO/mkdocs.yml" --dev-addr "$HOST" --livereload $SERVE_FLAGS
