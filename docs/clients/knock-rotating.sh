#!/usr/bin/env bash
# Knocks the current sequence of a KnockAdmin rotating profile (bash, openssl, coreutils; knockd's knock client
# when installed, else bash's /dev/tcp). Usage: knock-rotating.sh HOST SECRET_BASE32 PERIOD LENGTH START END
# Set KNOCK_CLIENT=devtcp to knock through /dev/tcp even when knock is installed.
set -euo pipefail
host=$1 secret=$2 period=$3 length=$4 start=$5 end=$6

padding=$(( (8 - ${#secret} % 8) % 8 ))
key=$(printf '%s%*s' "${secret^^}" "$padding" '' | tr ' ' '=' | base32 -d | od -An -v -tx1 | tr -d ' \n')
label=$(printf '%s' 'KnockAdmin sequence v1' | od -An -v -tx1 | tr -d ' \n')
t=$(( $(date +%s) / period ))
size=$(( end - start + 1 ))
limit=$(( 4294967296 - 4294967296 % size ))

ports=() n=0
while (( ${#ports[@]} < length )); do
  message=$(printf '%s%016x%08x' "$label" "$t" "$n" | sed 's/../\\x&/g')
  block=$(printf '%b' "$message" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" | awk '{print $NF}')
  for (( i = 0; i < 8 && ${#ports[@]} < length; i++ )); do
    w=$(( 16#${block:i*8:8} ))
    port=$(( start + w % size ))
    if (( w < limit )) && [[ " ${ports[*]} " != *" $port "* ]]; then
      ports+=("$port")
    fi
  done
  n=$(( n + 1 ))
done

if [[ ${KNOCK_CLIENT:-auto} != devtcp ]] && command -v knock >/dev/null; then
  family=()
  [[ $host == *:* ]] && family=(-6)
  knock "${family[@]}" -d 0 "$host" "${ports[@]}"
else
  # One SYN per knock: the attempt is cut off before the kernel would send it again (a repeat resets the sequence).
  for port in "${ports[@]}"; do
    timeout 0.3 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null || true
  done
fi
