#!/bin/bash
for u in "$@"; do if grep -qiF "$u" used_urls.txt; then echo "USED $u"; else echo "free $u"; fi; done
