#!/bin/bash
# Whole-process A/B, alternating: feed add (5,000-item genfeed on 127.0.0.1:8298) vs newsboat,
# byline add of 20k, library benchmarks, then byline add of 100k. Builds, corpora and the
# feed server are set up beforehand in /tmp/s8b (bench/NOTES-s8-bulk.md).
# Session 8's sitting A: the defaults. Sitting B:
#   OUT=/tmp/s8b/out2 LIBROUNDS=0 ADDORDER="new base new base new" bench/s8-bulk-sitting.sh
o=${OUT:-/tmp/s8b/out}; mkdir -p $o
librounds=${LIBROUNDS:-6}
addorder=${ADDORDER:-new base}
echo "start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" > $o/sit.txt
for i in 1 2 3 4; do
  for b in base new; do rm -f /tmp/s8b/f-$b.db*; /usr/bin/time -f "$b $i %e s %U user %S sys %M KB" -a -o $o/feed.txt /tmp/s8b/byline-$b feed add --db /tmp/s8b/f-$b.db http://127.0.0.1:8298/feed.xml > /dev/null 2>&1; done
  rm -f /tmp/s8b/nb/cache.db*; /usr/bin/time -f "newsboat $i %e s %U user %S sys %M KB" -a -o $o/feed.txt newsboat -u /tmp/s8b/nb/urls -c /tmp/s8b/nb/cache.db -C /tmp/s8b/nb/config -x reload > /dev/null 2>&1
done
echo "feed done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $o/sit.txt
for i in 1 2 3; do
  for b in base new; do rm -f /tmp/s8b/a-$b.db*; /usr/bin/time -f "$b $i %e s %U user %S sys %M KB" -a -o $o/add20k.txt /tmp/s8b/byline-$b add --db /tmp/s8b/a-$b.db /tmp/s8b/corpus20k 2>&1 | tail -1 >> $o/add20k.txt; done
done
echo "add20k done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $o/sit.txt
cd "$(dirname "$0")/../library" || exit 1
for ((i = 1; i <= librounds; i++)); do
  for b in base new; do /tmp/s8b/lib-$b.test -test.run '^$' -test.bench 'ImportCorpus/recognise|RefreshLargeFeed' -test.benchtime 1x -test.benchmem >> $o/lib-$b.txt 2>&1; done
done
echo "lib done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $o/sit.txt
for b in $addorder; do rm -f /tmp/s8b/h-$b.db*; /usr/bin/time -f "$b %e s %U user %S sys %M KB" -a -o $o/add100k.txt /tmp/s8b/byline-$b add --db /tmp/s8b/h-$b.db /tmp/s8b/corpus100k 2>&1 | tail -1 >> $o/add100k.txt; rm -f /tmp/s8b/h-$b.db*; done
echo "end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> $o/sit.txt
