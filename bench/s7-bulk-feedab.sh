#!/bin/bash
# feedab2.sh OUT N: first feed add, base / new / newsboat alternating, N rounds.
out=$1; n=$2
: > $out
echo "start $(date -u +%T) load $(cat /proc/loadavg)" >> $out
for i in $(seq $n); do
  for b in base new; do
    rm -f /tmp/bk/f-$b.db*
    /usr/bin/time -f "$b $i %e s %U user %S sys %M KB" -a -o $out /tmp/bk/byline-$b feed add --db /tmp/bk/f-$b.db http://127.0.0.1:8297/feed.xml > /dev/null
  done
  rm -f /tmp/bk/nb/cache.db*
  /usr/bin/time -f "newsboat $i %e s %U user %S sys %M KB" -a -o $out newsboat -u /tmp/bk/nb/urls -c /tmp/bk/nb/cache.db -C /tmp/bk/nb/config -x reload > /dev/null
  echo "load $(cat /proc/loadavg)" >> $out
done
echo "end $(date -u +%T)" >> $out
