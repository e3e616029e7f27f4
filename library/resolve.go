package library

import (
	"context"
	"database/sql"
	"strings"

	"github.com/byline/byline/model"
)

// chunk is how many entities one statement resolves: SQLite allows 32,766
// parameters, and a few hundred rows amortise the statement well.
const chunk = 300

// keyOf is an entity's cache key: its name folded as SQLite's NOCASE folds
// (ASCII letters only), so that the cache agrees with the UNIQUE index.
func keyOf(name string, t model.EntityType) entityKey {
	return entityKey{name: asciiLower(name), typ: t}
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// resolveEntities finds or creates the ids of every entity the lists of
// items mention that the writer does not know yet (in its cache or in
// fresh), a few statements per batch rather than two per new entity. The
// ids land in fresh.
func (w *writer) resolveEntities(ctx context.Context, tx *sql.Tx, st *stmts, fresh map[entityKey]int64, lists ...[]item) error {
	want := map[entityKey]mentionCount{}
	for _, items := range lists {
		for _, it := range items {
			for _, m := range it.mentions {
				k := keyOf(m.name, m.typ)
				if _, ok := w.entities[k]; ok {
					continue
				}
				if _, ok := fresh[k]; !ok {
					want[k] = m
				}
			}
		}
	}
	var missing []mentionCount
	for _, m := range want {
		missing = append(missing, m)
	}
	// Known to the library (from an earlier import or another process).
	for i := 0; i < len(missing); i += chunk {
		part := missing[i:min(i+chunk, len(missing))]
		args := make([]any, len(part))
		for j, m := range part {
			args[j] = m.name
		}
		if err := w.scanEntities(ctx, tx, fresh, "SELECT id, name, type FROM entities WHERE name IN (?"+
			strings.Repeat(", ?", len(part)-1)+")", args...); err != nil {
			return err
		}
	}
	var create []mentionCount
	for _, m := range missing {
		if _, ok := fresh[keyOf(m.name, m.typ)]; !ok {
			create = append(create, m)
		}
	}
	for i := 0; i < len(create); i += chunk {
		part := create[i:min(i+chunk, len(create))]
		args := make([]any, 0, 2*len(part))
		for _, m := range part {
			args = append(args, m.name, int(m.typ))
		}
		before := len(fresh)
		if err := w.scanEntities(ctx, tx, fresh, "INSERT INTO entities (name, type) VALUES (?, ?)"+
			strings.Repeat(", (?, ?)", len(part)-1)+" ON CONFLICT DO NOTHING RETURNING id, name, type", args...); err != nil {
			return err
		}
		if len(fresh) == before {
			continue
		}
		// Index the new names by word for person:/place: filters.
		for _, m := range part {
			if id, ok := fresh[keyOf(m.name, m.typ)]; ok {
				st.indexName(id, m.name)
			}
		}
	}
	return nil
}

// scanEntities reads (id, name, type) rows into fresh.
func (w *writer) scanEntities(ctx context.Context, tx *sql.Tx, fresh map[entityKey]int64, query string, args ...any) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var name string
		var t int
		if err := rows.Scan(&id, &name, &t); err != nil {
			return err
		}
		fresh[keyOf(name, model.EntityType(t))] = id
	}
	return rows.Err()
}
