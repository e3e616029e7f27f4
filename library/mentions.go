package library

import (
	"context"
	"strings"

	"github.com/byline/byline/model"
)

// entityFilter keeps articles mentioning an entity of type t whose name
// has name's words in order ("Austin" finds "Lloyd Austin").
func entityFilter(name string, t model.EntityType) (string, []any) {
	words := strings.FieldsFunc(name, notWordRune)
	return `a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id IN (
		SELECT e.id FROM entities e WHERE e.type = ? AND e.id IN (
			SELECT rowid FROM entity_names WHERE entity_names MATCH ?)))`,
		[]any{int(t), `"` + strings.Join(words, " ") + `"`}
}

// snippets loads the results' bodies and cuts their snippets.
func (l *Library) snippets(ctx context.Context, q Query, out []Result) error {
	terms := snippetTerms(q)
	ids := make([]any, len(out))
	index := map[int64]int{}
	for i, r := range out {
		ids[i] = r.ID
		index[r.ID] = i
	}
	rows, err := l.db.QueryContext(ctx,
		"SELECT id, data FROM bodies WHERE id IN (?"+strings.Repeat(", ?", len(ids)-1)+")", ids...)
	if err != nil {
		return l.wrap(err)
	}
	defer rows.Close()
	var br bodyReader
	for rows.Next() {
		var id int64
		var data []byte
		if err := rows.Scan(&id, &data); err != nil {
			return l.wrap(err)
		}
		var a model.Article
		if err := br.decode(data, &a, false); err != nil {
			continue // a damaged body leaves its result without a snippet
		}
		r := &out[index[id]]
		r.Snippet, r.Marks = snippet(&a, terms, 180)
	}
	return l.wrap(rows.Err())
}

// ArticlesMentioning lists, newest first, the articles that mention the
// person or place called name (exactly, ignoring case): what the People &
// Places pane shows for a selected entity. A limit <= 0 means all.
func (l *Library) ArticlesMentioning(ctx context.Context, name string, t model.EntityType, limit int) ([]Entry, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := l.db.QueryContext(ctx, `SELECT `+entryColumns+` FROM articles a
		WHERE a.id IN (SELECT m.article_id FROM mentions m JOIN entities e ON e.id = m.entity_id
			WHERE e.name = ? AND e.type = ?)
		ORDER BY a.date DESC, a.id DESC LIMIT ?`, name, int(t), limit)
	if err != nil {
		return nil, l.wrap(err)
	}
	return l.collect(rows)
}

// EntityCount is a person or place with the number of articles mentioning it.
type EntityCount struct {
	Name     string
	Type     model.EntityType
	Articles int
}

// Entities lists the people or places of the whole library, those in the
// most articles first. A limit <= 0 means all.
func (l *Library) Entities(ctx context.Context, t model.EntityType, limit int) ([]EntityCount, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := l.db.QueryContext(ctx, `SELECT e.name, count(*) AS n FROM entities e
		JOIN mentions m ON m.entity_id = e.id WHERE e.type = ?
		GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?`, int(t), limit)
	if err != nil {
		return nil, l.wrap(err)
	}
	defer rows.Close()
	var out []EntityCount
	for rows.Next() {
		ec := EntityCount{Type: t}
		if err := rows.Scan(&ec.Name, &ec.Articles); err != nil {
			return nil, l.wrap(err)
		}
		out = append(out, ec)
	}
	return out, l.wrap(rows.Err())
}
