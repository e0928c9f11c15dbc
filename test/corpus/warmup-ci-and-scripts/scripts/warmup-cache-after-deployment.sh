#!/usr/bin/env bash
# Warm the cache after a deployment by requesting the most visited pages.
set -euo pipefail
BASE="${1:-https://shop.example.com}"
while read -r page; do
  curl -fsS -o /dev/null "$BASE$page" # expect: kv-deploy-warming
done < scripts/top-pages.txt
