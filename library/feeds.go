package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
)

// ErrNoFeed says the library has no subscription to a URL.
var ErrNoFeed = errors.New("no such feed")

// Feed is a subscription.
type Feed struct {
	URL string
	// Title is the feed's own title, known after its first refresh.
	Title string
	// Checked is when the feed was last fetched; zero before the first time.
	Checked time.Time
	// Err is the last refresh's failure, "" when it succeeded.
	Err string
	// Articles counts the feed's articles in the library.
	Articles int
}

// Subscribe adds a feed URL (http or https) and reports whether it is new;
// subscribing twice is not an error. It does not fetch: call Refresh.
//
// Invisible characters in the URL (control, format and bidi characters,
// blanks other than the space) are stored percent-encoded, as a client
// sends them: a listed URL never hides part of itself or shows in another
// order than it is, so two feeds cannot look the same.
func (l *Library) Subscribe(ctx context.Context, feedURL string) (bool, error) {
	feedURL, err := checkFeedURL(feedURL)
	if err != nil {
		return false, err
	}
	if err := l.checkWritable(); err != nil {
		return false, err
	}
	res, err := l.db.ExecContext(ctx,
		"INSERT INTO feeds (url, added) VALUES (?, ?) ON CONFLICT (url) DO NOTHING", feedURL, time.Now().Unix())
	if err != nil {
		return false, l.wrap(err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// Unsubscribe removes a feed. Its articles stay in the library with their
// state; they are no longer refreshed.
//
// feedURL is cleaned as Subscribe cleans it.
func (l *Library) Unsubscribe(ctx context.Context, feedURL string) error {
	feedURL = CleanURL(feedURL)
	if err := l.checkWritable(); err != nil {
		return err
	}
	res, err := l.db.ExecContext(ctx, "DELETE FROM feeds WHERE url = ?", feedURL)
	if err != nil {
		return l.wrap(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s: %w", feedURL, ErrNoFeed)
	}
	return nil
}

// Feeds lists the subscriptions in the order they were added.
func (l *Library) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT f.url, f.title, f.checked, f.error,
		(SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.source = f.url)
		FROM feeds f ORDER BY f.id`)
	if err != nil {
		return nil, l.wrap(err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		var checked int64
		if err := rows.Scan(&f.URL, &f.Title, &checked, &f.Err, &f.Articles); err != nil {
			return nil, l.wrap(err)
		}
		if checked != 0 {
			f.Checked = time.Unix(checked, 0)
		}
		out = append(out, f)
	}
	return out, l.wrap(rows.Err())
}

// RefreshProgress reports one feed refreshed. Refresh calls
// RefreshOptions.Progress once per feed, from one goroutine, after the
// feed's new articles are committed.
type RefreshProgress struct {
	// Done counts the feeds finished so far, out of Total.
	Done, Total int
	// Feed is the feed just finished.
	Feed string
	// New is the number of its articles that were new.
	New int
	// NotModified says the server answered 304 (or sent identical bytes).
	NotModified bool
	// Err is the feed's failure, nil on success. It is a warning: the other
	// feeds go on.
	Err error
}

// RefreshOptions tune Refresh. Client is required.
type RefreshOptions struct {
	// Client fetches the feeds.
	Client *fetch.Client
	// Concurrency is the number of feeds fetched at once; 0 means 8.
	Concurrency int
	// Feeds limits the refresh to these URLs (subscribed or not: a URL not
	// yet subscribed is fetched but not subscribed); nil means every feed.
	Feeds []string
	// Recognize finds people and places; nil means entities.Recognize.
	Recognize func(*model.Article)
	// Progress, when not nil, is told about every finished feed.
	Progress func(RefreshProgress)
}

// RefreshResult sums up a refresh.
type RefreshResult struct {
	// Feeds is the number of feeds refreshed; NotModified those unchanged.
	Feeds, NotModified int
	// New is the number of new articles stored.
	New int
	// Warnings holds one error per feed that failed, naming it.
	Warnings []error
}

// Refresh fetches every feed concurrently (conditional GET with the
// validators of the last fetch) and stores the items not yet in the
// library; items already stored keep their content and state. A feed that
// fails (unreachable, HTTP error, broken XML) becomes a warning in the
// result and in the feed's Err; it never stops the others. The error return
// is for the library itself or a cancelled ctx.
func (l *Library) Refresh(ctx context.Context, opts RefreshOptions) (RefreshResult, error) {
	var res RefreshResult
	if opts.Client == nil {
		return res, errors.New("library: Refresh needs a fetch.Client")
	}
	if err := l.checkWritable(); err != nil {
		return res, err
	}
	feeds := opts.Feeds
	if feeds == nil {
		all, err := l.Feeds(ctx)
		if err != nil {
			return res, err
		}
		for _, f := range all {
			feeds = append(feeds, f.URL)
		}
	}
	conc := opts.Concurrency
	if conc <= 0 {
		conc = 8
	}
	recognize := opts.Recognize
	if recognize == nil {
		recognize = entities.Recognize
	}
	type fetched struct {
		url   string
		v     fetch.Validators
		title string
		p     parsed
	}
	jobs := make(chan string)
	results := make(chan fetched)
	pool := newPreparers(runtime.GOMAXPROCS(0), recognize)
	defer pool.close()
	var wg sync.WaitGroup
	for range min(conc, max(len(feeds), 1)) {
		wg.Go(func() {
			w := worker{enc: newEncoder(), recognize: recognize, pool: pool}
			for u := range jobs {
				f := fetched{url: u, p: parsed{source: u}}
				var as []*model.Article
				f.title, f.v, f.p, as = l.fetchFeed(ctx, opts.Client, u)
				if as == nil {
					results <- f
					continue
				}
				items := keyItems(u, as)
				l.skipStored(ctx, u, as, items)
				if len(as) < streamMin {
					w.prepareAll(as, items, nil)
					f.p.items = items
					results <- f
					continue
				}
				// The writer takes the feed now and its items as they
				// are prepared, all in the feed's one transaction.
				stream := make(chan item, streamWindow)
				f.p.stream = stream
				results <- f
				w.stream(as, items, stream)
			}
		})
	}
	go func() {
		defer close(jobs)
		for _, u := range feeds {
			select {
			case jobs <- u:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	w := newWriter(l)
	w.recognize = recognize
	var writeErr error
	prog := RefreshProgress{Total: len(feeds)}
	for f := range results {
		if writeErr != nil || f.p.cancelled {
			drain(f.p.stream)
			continue
		}
		n, err := w.write(context.WithoutCancel(ctx), []parsed{f.p}, addNew)
		drain(f.p.stream) // what a failed write left
		if err == nil {
			err = l.noteFetch(context.WithoutCancel(ctx), f.url, f.title, f.v, f.p.err)
		}
		if err != nil {
			writeErr = err
			continue
		}
		res.Feeds++
		res.New += n
		notModified := f.p.unchanged || f.p.touch
		if notModified {
			res.NotModified++
		}
		if f.p.err != nil {
			res.Warnings = append(res.Warnings, f.p.err)
		}
		prog.Done++
		prog.Feed, prog.New, prog.NotModified, prog.Err = f.url, n, notModified, f.p.err
		if opts.Progress != nil {
			opts.Progress(prog)
		}
	}
	if writeErr != nil {
		return res, writeErr
	}
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("refresh cancelled after %d of %d feeds: %w", prog.Done, prog.Total, err)
	}
	return res, nil
}

// streamMin is the fewest items a feed must have for its items to be
// streamed to the writer as they are prepared (worker.stream). A smaller
// feed is prepared whole first, as a file is: its writing is too short to
// be worth overlapping, and the writer of a refresh of many small feeds
// then takes them in the order they are ready, rather than waiting on
// one whose items share the cores with the other feeds'.
const streamMin = 512

// skipStored marks the items of feed feedURL whose keys the library holds
// as pending, not to be prepared: a refresh adds only new items, and
// recognising the others would be thrown away. A failed look-up skips
// nothing (the writer sorts out what is new in its transaction).
func (l *Library) skipStored(ctx context.Context, feedURL string, as []*model.Article, items []item) {
	rows, err := l.db.QueryContext(ctx, `SELECT a.item FROM articles a
		JOIN sources s ON s.id = a.source_id WHERE s.source = ?`, feedURL)
	if err != nil {
		return
	}
	defer rows.Close()
	stored := map[string]bool{}
	for rows.Next() {
		var key string
		if rows.Scan(&key) != nil {
			return
		}
		stored[key] = true
	}
	if rows.Err() != nil || len(stored) == 0 {
		return
	}
	for i := range items {
		if stored[items[i].key] {
			items[i].pending, as[i] = as[i], nil
		}
	}
}

// drain reads a stream to its end (nil: none), so that its worker
// finishes.
func drain(stream <-chan item) {
	if stream == nil {
		return // ranging over nil would block for ever
	}
	for range stream {
	}
}

// fetchFeed fetches and parses one feed with the validators stored for it,
// and returns its articles, to be prepared, when it changed.
func (l *Library) fetchFeed(ctx context.Context, c *fetch.Client, feedURL string) (string, fetch.Validators, parsed, []*model.Article) {
	p := parsed{source: feedURL}
	var v fetch.Validators
	var prevHash []byte
	err := l.db.QueryRowContext(ctx, `SELECT f.etag, f.last_modified, s.hash FROM feeds f
		LEFT JOIN sources s ON s.source = f.url WHERE f.url = ?`, feedURL).Scan(&v.ETag, &v.LastModified, &prevHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		p.err = &articles.Error{Source: feedURL, Err: l.wrap(err)}
		return "", v, p, nil
	}
	resp, err := c.Get(ctx, feedURL, v)
	switch {
	case err != nil && ctx.Err() != nil:
		p.cancelled = true
		return "", v, p, nil
	case err != nil:
		p.err = &articles.Error{Source: feedURL, Err: err}
		return "", v, p, nil
	case resp.NotModified:
		p.unchanged = true
		return "", resp.Validators, p, nil
	}
	sum := sha256.Sum256(resp.Body)
	p.hash, p.size = sum[:16], int64(len(resp.Body))
	if prevHash != nil && string(prevHash) == string(p.hash) {
		p.unchanged = true
		return "", resp.Validators, p, nil
	}
	f, err := articles.ParseFeed(feedURL, resp.Body)
	if err != nil {
		// Keep the old validators: the server must send the body again.
		p.err = err
		return "", v, p, nil
	}
	return f.Title, resp.Validators, p, f.Articles
}

// noteFetch records a fetch's outcome on the feed's row.
func (l *Library) noteFetch(ctx context.Context, feedURL, title string, v fetch.Validators, fetchErr error) error {
	msg := ""
	if fetchErr != nil {
		msg = fetchErr.Error()
	}
	_, err := l.db.ExecContext(ctx, `UPDATE feeds SET checked = ?, error = ?,
		etag = CASE WHEN ? = '' THEN etag ELSE ? END,
		last_modified = CASE WHEN ? = '' THEN last_modified ELSE ? END,
		title = CASE WHEN ? = '' THEN title ELSE ? END
		WHERE url = ?`,
		time.Now().Unix(), msg, v.ETag, v.ETag, v.LastModified, v.LastModified, title, title, feedURL)
	return l.wrap(err)
}

// checkFeedURL cleans a feed URL (CleanURL) and refuses one that is not
// an absolute http(s) URL, quoting it in the error.
func checkFeedURL(raw string) (string, error) {
	clean := CleanURL(raw)
	u, err := url.Parse(clean)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%s is not an http(s) feed URL", strconv.Quote(raw))
	}
	return clean, nil
}

// CleanURL percent-encodes the characters of s that do not show as
// themselves on a terminal: invalid UTF-8, C0 and C1 controls, format
// characters (bidi overrides and isolates, zero-width characters) and
// blanks. A URL without them is returned as it is.
func CleanURL(s string) string {
	if strings.IndexFunc(s, invisible) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && w == 1) || invisible(r) {
			for _, c := range []byte(s[i : i+w]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

func invisible(r rune) bool {
	return r == ' ' || unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Zs, unicode.Co, unicode.Cs) ||
		r == utf8.RuneError
}
