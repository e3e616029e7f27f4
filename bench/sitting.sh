#!/bin/bash
# One quiet sitting of issue 11's measures: base (a build of an earlier commit, its tree
# extracted to /tmp/q/base with `git archive COMMIT | tar -x -C /tmp/q/base` and built to
# /tmp/q/byline-base, /tmp/q/ent-base.test, /tmp/q/ui-base.test) vs new (this tree).
# Needs the corpus in /tmp/q/corpus100k (go run ./cmd/gencorpus -n 100000 -seed 1 -out ...)
# and newsboat. Session 7 ran it (base 17fb994); session 6 ran the same steps (base 447c8f3)
# without the base build in bench/peers.sh. Outputs go to /tmp/q/out.
set -u
cd "$(dirname "$0")/.."
repo=$(pwd)
out=/tmp/q/out; mkdir -p $out
# The base tree reads ../shared (the tagging benchmark's CoNLL text) from /tmp/q.
[ -d "$repo/../shared" ] && ln -sfn "$(cd "$repo/../shared" && pwd)" /tmp/q/shared
go build -o /tmp/q/byline-new . && go test -c -o /tmp/q/ent-new.test ./articles/entities/ && go test -c -o /tmp/q/ui-new.test ./ui/ || exit 1
echo "load at start: $(cat /proc/loadavg)" > $out/sitting.txt; date >> $out/sitting.txt
# 1. tagging, one core, interleaved
: > $out/tag-base.txt; : > $out/tag-new.txt
for i in 1 2 3 4 5 6; do
  (cd /tmp/q/base/articles/entities && /tmp/q/ent-base.test -test.run '^$' -test.bench 'Load|Tag$|RecognizeSample' -test.cpu 1 -test.benchmem >> $out/tag-base.txt)
  (cd $repo/articles/entities && /tmp/q/ent-new.test -test.run '^$' -test.bench 'Load|Tag$|RecognizeSample' -test.cpu 1 -test.benchmem >> $out/tag-new.txt)
done
# 2. feed add vs newsboat, alternating, 3 runs each
pkill -f "genfeed -n 5000" ; sleep 0.5
go build -o /tmp/q/genfeed ./cmd/genfeed && (/tmp/q/genfeed -n 5000 -serve 127.0.0.1:8199 > /dev/null 2>&1 &) ; sleep 2
mkdir -p /tmp/q/nb; echo http://127.0.0.1:8199/feed.xml > /tmp/q/nb/urls; : > /tmp/q/nb/config
: > $out/feed.txt
for i in 1 2 3; do
  rm -f /tmp/q/f-new.db*; /usr/bin/time -f "new $i %e s %U user %S sys %M KB" -a -o $out/feed.txt /tmp/q/byline-new feed add --db /tmp/q/f-new.db http://127.0.0.1:8199/feed.xml > /dev/null
  rm -f /tmp/q/nb/cache.db*; /usr/bin/time -f "newsboat $i %e s %U user %S sys %M KB" -a -o $out/feed.txt newsboat -u /tmp/q/nb/urls -c /tmp/q/nb/cache.db -C /tmp/q/nb/config -x reload > /dev/null
  rm -f /tmp/q/f-base.db*; /usr/bin/time -f "base $i %e s %U user %S sys %M KB" -a -o $out/feed.txt /tmp/q/byline-base feed add --db /tmp/q/f-base.db http://127.0.0.1:8199/feed.xml > /dev/null
done
# 3. print vs glow
BASE=/tmp/q/byline-base bench/peers.sh 11 > $out/peers.txt 2>&1
# 4. add 100k: new x3, base x1
: > $out/add.txt
for i in 1 2 3; do
  rm -f /tmp/q/lib-new.db*; /usr/bin/time -f "new $i %e s %U user %S sys %M KB" -a -o $out/add.txt /tmp/q/byline-new add --db /tmp/q/lib-new.db /tmp/q/corpus100k 2>&1 | tail -1 >> $out/add.txt
done
rm -f /tmp/q/lib-base.db*; /usr/bin/time -f "base %e s %U user %S sys %M KB" -a -o $out/add.txt /tmp/q/byline-base add --db /tmp/q/lib-base.db /tmp/q/corpus100k 2>&1 | tail -1 >> $out/add.txt
# 5. app first screens, A/B
: > $out/fs-base.txt; : > $out/fs-new.txt
for i in 1 2 3; do
  (cd /tmp/q/base/ui && BYLINE_BENCH_DB=/tmp/q/lib-base.db /tmp/q/ui-base.test -test.run '^$' -test.bench 'SampleFirstScreen|LibraryFirstScreen' -test.count 2 -test.benchmem >> $out/fs-base.txt)
  (cd $repo/ui && BYLINE_BENCH_DB=/tmp/q/lib-new.db /tmp/q/ui-new.test -test.run '^$' -test.bench 'SampleFirstScreen|LibraryFirstScreen' -test.count 2 -test.benchmem >> $out/fs-new.txt)
done
echo "load at end: $(cat /proc/loadavg)" >> $out/sitting.txt; date >> $out/sitting.txt
echo DONE >> $out/sitting.txt
