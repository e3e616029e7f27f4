package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/articles/entities"
	"github.com/byline/byline/articles/fetch"
	"github.com/byline/byline/model"
)

// summaryWords is the most words a body may have to be taken for a feed's
// summary of a longer story.
const summaryWords = 150

// FullTextOK is Entry.FullText once the full text replaced the summary.
const FullTextOK = "ok"

// SummaryOnly reports whether a (stored as e) looks like a feed's summary
// of a story told in full at its link: a short body, an http(s) link that
// is not the feed itself, and no full text fetched yet.
func SummaryOnly(e Entry, a *model.Article) bool {
	if e.FullText == FullTextOK || a == nil || !webLink(e.Source) || e.Source == e.Feed {
		return false
	}
	words := 0
	for _, s := range a.Sections {
		words += len(strings.Fields(s.Heading))
		for _, p := range s.Paragraphs {
			words += len(strings.Fields(p))
		}
	}
	return words < summaryWords
}

func webLink(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// ErrNotSummary says an article has no link to fetch its full text from.
var ErrNotSummary = errors.New("the article has no link to a full text")

// FetchFullText fetches the page an article links to, extracts the story
// with go-readability (as `byline URL` does), finds its people and places
// (recognize; nil means entities.Recognize) and stores it in place of the
// feed's summary, which is kept aside: the reader, the search and the
// People & Places pane see the whole story. The article keeps its title,
// date and reading state. A failure (the page unreachable, too big, not an
// article) is recorded as the article's FullText and returned; the summary
// stays.
func (l *Library) FetchFullText(ctx context.Context, c *fetch.Client, id int64, recognize func(*model.Article)) (*model.Article, Entry, error) {
	e, err := l.Entry(ctx, id)
	if err != nil {
		return nil, e, err
	}
	if !webLink(e.Source) || e.Source == e.Feed {
		return nil, e, fmt.Errorf("article %d: %w", id, ErrNotSummary)
	}
	a, ferr := fetchArticle(ctx, c, e.Source)
	if ferr != nil {
		if ctx.Err() != nil {
			return nil, e, ferr
		}
		msg := articles.Sanitize(ferr.Error())
		if err := l.update(context.WithoutCancel(ctx), "UPDATE articles SET full_text = ? WHERE id = ?", msg, id); err != nil {
			return nil, e, err
		}
		e.FullText = msg
		return nil, e, ferr
	}
	if recognize == nil {
		recognize = entities.Recognize
	}
	a.Source, a.Title = e.Source, e.Title
	if !e.Date.IsZero() {
		a.Date = e.Date
	}
	if a.Byline == "" {
		a.Byline = e.Byline
	}
	w := worker{enc: newEncoder(), recognize: recognize}
	it := w.prepare(e.Source, []*model.Article{a})[0]
	if err := l.storeFullText(context.WithoutCancel(ctx), id, a, it); err != nil {
		return nil, e, err
	}
	e.FullText, e.Byline = FullTextOK, a.Byline
	return a, e, nil
}

// fetchArticle fetches and extracts the page at link.
func fetchArticle(ctx context.Context, c *fetch.Client, link string) (*model.Article, error) {
	resp, err := c.Get(ctx, link, fetch.Validators{})
	if err != nil {
		return nil, err
	}
	return articles.ParseHTML(link, resp.Body, resp.URL)
}

// storeFullText replaces article id's body, index entry and mentions with
// the full text's, keeping the summary's body in summaries (the first one,
// should the full text be fetched again).
func (l *Library) storeFullText(ctx context.Context, id int64, a *model.Article, it item) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.wrap(err)
	}
	defer tx.Rollback()
	st, err := prepareStmts(ctx, tx)
	if err != nil {
		return l.wrap(err)
	}
	defer st.close()
	if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO summaries (id, data) SELECT id, data FROM bodies WHERE id = ?", id); err != nil {
		return l.wrap(err)
	}
	if err := st.unindex(ctx, id); err != nil {
		return l.wrap(err)
	}
	if _, err := st.putBody.ExecContext(ctx, id, it.body); err != nil {
		return l.wrap(err)
	}
	st.index(id, a.Title, it.text)
	df := map[string]int{}
	for _, t := range it.terms {
		df[t] = 1
	}
	if err := st.upsertTerms(ctx, df); err != nil {
		return l.wrap(err)
	}
	w := newWriter(l)
	fresh := map[entityKey]int64{}
	for _, m := range it.mentions {
		eid, err := w.entityID(ctx, st, m, fresh)
		if err != nil {
			return l.wrap(err)
		}
		st.mentions = append(st.mentions, mentionRow{entity: eid, article: id, count: m.count})
	}
	if _, err := tx.ExecContext(ctx, "UPDATE articles SET full_text = ?, byline = ? WHERE id = ?", FullTextOK, a.Byline, id); err != nil {
		return l.wrap(err)
	}
	if err := st.flushMentions(ctx); err != nil {
		return l.wrap(err)
	}
	if err := st.flushIndex(ctx); err != nil {
		return l.wrap(err)
	}
	return l.wrap(tx.Commit())
}

// Summary returns the feed's summary of an article whose full text
// replaced it, and false for any other article.
func (l *Library) Summary(ctx context.Context, id int64) (*model.Article, bool, error) {
	var data []byte
	err := l.db.QueryRowContext(ctx, "SELECT data FROM summaries WHERE id = ?", id).Scan(&data)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, false, nil
		}
		return nil, false, l.wrap(err)
	}
	var a model.Article
	if err := decodeBody(data, &a); err != nil {
		return nil, false, err
	}
	return &a, true, nil
}

// FullTextOptions tune FillFullText. Client is required.
type FullTextOptions struct {
	Client *fetch.Client
	// Concurrency is the number of pages fetched at once; 0 means 4.
	Concurrency int
	// Recognize finds people and places; nil means entities.Recognize.
	Recognize func(*model.Article)
}

// FillFullText fetches the full text of the articles of the feeds marked
// for it (SetFullText) that never had it fetched: what a refresh does
// after storing new items. It returns how many were stored and one
// warning per article whose page failed.
func (l *Library) FillFullText(ctx context.Context, opts FullTextOptions) (int, []error, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT a.id FROM feeds f JOIN sources s ON s.source = f.url
		JOIN articles a ON a.source_id = s.id WHERE f.full_text = 1 AND a.full_text = '' ORDER BY a.id`)
	if err != nil {
		return 0, nil, l.wrap(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, nil, l.wrap(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, l.wrap(err)
	}
	conc := opts.Concurrency
	if conc <= 0 {
		conc = 4
	}
	var mu sync.Mutex
	var warnings []error
	var fatal error
	stored := 0
	jobs := make(chan int64)
	var wg sync.WaitGroup
	for range min(conc, max(len(ids), 1)) {
		wg.Go(func() {
			for id := range jobs {
				a, e, err := l.FetchFullText(ctx, opts.Client, id, opts.Recognize)
				mu.Lock()
				switch {
				case err == nil && a != nil:
					stored++
				case errors.Is(err, ErrNotSummary):
					// An item without a link: nothing to fetch.
				case e.FullText != "" && e.FullText != FullTextOK:
					warnings = append(warnings, &articles.Error{Source: e.Source, Err: err})
				case err != nil && fatal == nil && ctx.Err() == nil:
					fatal = err
				}
				mu.Unlock()
			}
		})
	}
	for _, id := range ids {
		if ctx.Err() != nil {
			break
		}
		jobs <- id
	}
	close(jobs)
	wg.Wait()
	return stored, warnings, fatal
}
