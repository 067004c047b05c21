#!/usr/bin/env bash
# check_includes.sh ENGINE_DIR - every #include of the engine keeps the layer
# rule (docs/architecture.md): "x.h" from its own layer or an earlier one,
# sqlite3.h only in engine/store, Lua's headers only in engine/lua, Rmath.h only in
# engine/stats/special.c (its macros rename pnorm, lbeta, ...).
set -uo pipefail
engine=$1
layers=(core stats io store lua eval report cli)
rank() { local i; for i in "${!layers[@]}"; do [ "${layers[$i]}" = "$1" ] && echo "$i" && return; done; echo -1; }
declare -A home
for layer in "${layers[@]}"; do
  for h in "$engine/$layer"/*.h; do [ -e "$h" ] && home[$(basename "$h")]=$layer; done
done
bad=0
for layer in "${layers[@]}"; do
  mine=$(rank "$layer")
  for f in "$engine/$layer"/*.[ch]; do
    while IFS= read -r line; do
      name=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"$line")
      case "$name" in
      sqlite3.h) [ "$layer" = store ] || { echo "$f: includes sqlite3.h outside engine/store"; bad=1; } ;;
      Rmath.h) [ "$f" = "$engine/stats/special.c" ] || { echo "$f: includes Rmath.h outside engine/stats/special.c"; bad=1; } ;;
      lua.h | lauxlib.h | lualib.h | luaconf.h)
        [ "$layer" = lua ] || { echo "$f: includes $name outside engine/lua"; bad=1; } ;;
      esac
      if [[ $line == *'"'* ]]; then
        owner=${home[$name]:-}
        if [ -z "$owner" ]; then
          echo "$f: includes \"$name\", which is no layer's header"; bad=1
        elif [ "$(rank "$owner")" -gt "$mine" ]; then
          echo "$f: engine/$layer includes \"$name\" of the later layer engine/$owner"; bad=1
        fi
      fi
    done < <(grep -E '^[[:space:]]*#[[:space:]]*include' "$f")
  done
done
[ "$bad" = 0 ] && echo "every include keeps the layer rule"
exit "$bad"
