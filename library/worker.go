package library

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/byline/byline/articles"
	"github.com/byline/byline/model"
)

// job is one source for a worker, with what the library knew of it.
type job struct {
	source string
	prev   *sourceState
}

// parsed is a worker's outcome for one source.
type parsed struct {
	source      string
	prev        *sourceState
	size, mtime int64
	hash        []byte
	unchanged   bool // same size and mtime: nothing to write
	touch       bool // same content, new mtime: update the source row only
	cancelled   bool // not done: the import was cancelled
	keepOld     bool // store with addNew whatever the batch's mode (a feed)
	already     bool // the writer found this content stored by another process
	existed     bool // the writer found the source stored before: changed, not new
	stored      int  // articles the writer added or replaced
	items       []item
	err         error

	// stream, when not nil, brings the items instead (in order, as they
	// are prepared: a large feed is written while it is recognised); the
	// writer reads it to the end, or whoever drops p drains it.
	stream <-chan item
}

// item is one article ready to store: everything the writer needs, already
// encoded, so that the single writer does no CPU work it can avoid.
type item struct {
	key      string
	a        *model.Article // metadata only; sections are in body
	body     []byte
	text     string   // headings and paragraphs for the full-text index
	terms    []string // the distinct words of title and text, folded as the index folds them
	mentions []mentionCount
	// pending, when not nil, is the article of an item not prepared
	// because the library held its key when the feed was fetched: a
	// refresh stores only new items. The writer prepares it after all if
	// the key has gone by the time it writes.
	pending *model.Article
}

type mentionCount struct {
	name  string
	typ   model.EntityType
	count int
}

// worker reads, parses, recognises and encodes sources.
type worker struct {
	enc       *encoder
	recognize func(*model.Article)
	fetch     Fetcher
	// pool, when not nil, shares out the articles of a source that has
	// many (a feed) among all cores.
	pool *preparers
}

// preparers is a pool of goroutines, one per core, that recognise and
// encode articles for every worker of an import or a refresh. A source of
// one article is prepared by its worker; a feed of thousands is spread
// over the pool, its worker preparing items too whenever the pool is busy,
// so that one large feed keeps every core at work, and several never
// ask for more goroutines than cores.
type preparers struct {
	tasks chan prepTask
	wg    sync.WaitGroup
}

// prepTask is one article to prepare into *it; done is told when it is.
type prepTask struct {
	a    *model.Article
	it   *item
	done *sync.WaitGroup
}

func newPreparers(n int, recognize func(*model.Article)) *preparers {
	p := &preparers{tasks: make(chan prepTask)}
	for range n {
		p.wg.Go(func() {
			enc := newEncoder()
			for t := range p.tasks {
				prepareItem(enc, recognize, t.a, t.it)
				t.done.Done()
			}
		})
	}
	return p
}

// close stops the pool once its tasks are done.
func (p *preparers) close() {
	close(p.tasks)
	p.wg.Wait()
}

func (w *worker) run(ctx context.Context, j job) parsed {
	p := parsed{source: j.source, prev: j.prev}
	if ctx.Err() != nil {
		p.cancelled = true
		return p
	}
	var data []byte
	if isURL(j.source) {
		if w.fetch == nil {
			p.err = &articles.Error{Source: j.source, Err: errors.New("fetching URLs is not enabled")}
			return p
		}
		b, err := w.fetch(ctx, j.source)
		if err != nil && ctx.Err() != nil {
			p.cancelled = true
			return p
		}
		if err != nil {
			p.err = &articles.Error{Source: j.source, Err: err}
			return p
		}
		data = b
		p.size = int64(len(b))
	} else {
		st, err := os.Stat(j.source)
		if err != nil {
			p.err = &articles.Error{Source: j.source, Err: unwrapPath(err)}
			return p
		}
		p.size, p.mtime = st.Size(), st.ModTime().UnixNano()
		if j.prev != nil && j.prev.size == p.size && j.prev.mtime == p.mtime {
			p.unchanged = true
			return p
		}
		if data, err = articles.ReadSource(j.source); err != nil {
			p.err = err // devices, directories, files over the limit: named
			return p
		}
	}
	sum := sha256.Sum256(data)
	p.hash = sum[:16]
	if j.prev != nil && bytes.Equal(j.prev.hash, p.hash) {
		p.touch = true
		return p
	}
	as, err := articles.Parse(j.source, data)
	if err != nil {
		p.err = err
		return p
	}
	p.items = w.prepare(j.source, as)
	// A feed fetched by URL is a window of its items: keep the older ones.
	p.keepOld = isURL(j.source) && (len(p.items) > 1 || p.items[0].key != "")
	return p
}

// prepare recognises and encodes a source's articles and gives each a key
// unique within the source (keyItems). The articles are prepared on the
// pool when there is one and more than one article. Each element of as is
// set to nil once prepared: the items hold what is stored, and a large
// feed's parsed sections are garbage as soon as they are encoded, rather
// than alive until the whole feed is.
func (w *worker) prepare(source string, as []*model.Article) []item {
	items := keyItems(source, as)
	w.prepareAll(as, items, nil)
	return items
}

// keyItems returns one item per article holding only its key, unique
// within the source: the article's link, numbered in document order when
// several items share one.
func keyItems(source string, as []*model.Article) []item {
	items := make([]item, len(as))
	keys := map[string]bool{}
	for i, a := range as {
		key := ""
		if a.Source != source || len(as) > 1 {
			key = a.Source
			if key == source { // an item without a link
				key = "#" + a.Title
			}
		}
		base := key
		for n := 2; keys[key]; n++ {
			key = fmt.Sprintf("%s#%d", base, n)
		}
		keys[key] = true
		items[i].key = key
	}
	return items
}

// streamWindow is how many items of a streamed feed may be prepared ahead
// of those handed to the writer (and how many the hand-over channel
// holds): enough to keep every core busy while the writer catches up,
// few enough that a feed's prepared items never pile up in memory.
const streamWindow = 64

// prepareAll prepares as[i] into items[i] (see prepare), leaving the
// items of nil articles as they are. When emit is not
// nil it is given every item in order as soon as the item and all before
// it are prepared, and the preparing stays at most streamWindow items
// ahead of emit: an emit that blocks holds the preparing back.
func (w *worker) prepareAll(as []*model.Article, items []item, emit func(*item)) {
	if w.pool == nil || len(as) == 1 {
		for i, a := range as {
			if a != nil {
				prepareItem(w.enc, w.recognize, a, &items[i])
				as[i] = nil
			}
			if emit != nil {
				emit(&items[i])
			}
		}
		return
	}
	done := make([]sync.WaitGroup, len(as))
	next := 0 // the first item not yet emitted
	flush := func(upTo int) {
		for ; next < upTo; next++ {
			done[next].Wait()
			if emit != nil {
				emit(&items[next])
			}
		}
	}
	for i, a := range as {
		if a == nil {
			continue
		}
		done[i].Add(1)
		select {
		case w.pool.tasks <- prepTask{a: a, it: &items[i], done: &done[i]}:
		default: // every preparer is busy: do this one here
			prepareItem(w.enc, w.recognize, a, &items[i])
			done[i].Done()
		}
		as[i] = nil
		if emit != nil {
			flush(i + 1 - streamWindow)
		}
	}
	flush(len(as))
}

// stream prepares a feed's items (prepareAll) into out, in order, and
// closes it. The receiver must read out to the end.
func (w *worker) stream(as []*model.Article, items []item, out chan<- item) {
	defer close(out)
	w.prepareAll(as, items, func(it *item) {
		out <- *it
		*it = item{} // the writer holds it now
	})
}

// prepareItem recognises a's people and places and fills it with what the
// writer stores: the encoded body, the indexed text and words, the
// mentions and the metadata. it.key is already set.
func prepareItem(enc *encoder, recognize func(*model.Article), a *model.Article, it *item) {
	recognize(a)
	it.body = bytes.Clone(enc.encode(a))
	it.text = indexText(a)
	it.terms = enc.terms.distinct(a.Title, it.text)
	counts := map[[2]string]int{}
	for _, e := range a.Entities {
		it.mentions = append(it.mentions, mentionCount{name: e.Name, typ: e.Type})
		counts[[2]string{e.Name, e.Type.String()}] += len(e.Mentions)
	}
	for k := range it.mentions {
		m := &it.mentions[k]
		m.count = counts[[2]string{m.name, m.typ.String()}]
	}
	meta := *a
	meta.Sections, meta.Entities = nil, nil
	it.a = &meta
}

// indexText is what the full-text index sees of an article's body: its
// headings and paragraphs, one per line.
func indexText(a *model.Article) string {
	var b strings.Builder
	for _, s := range a.Sections {
		if s.Heading != "" {
			b.WriteString(s.Heading)
			b.WriteByte('\n')
		}
		for _, p := range s.Paragraphs {
			b.WriteString(p)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
