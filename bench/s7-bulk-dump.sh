#!/bin/bash
# dump.sh DB: the stored data of a library, ids replaced by keys, in a stable order.
sqlite3 "$1" <<'SQL'
.mode list
SELECT 'A', s.source, a.item, a.source, a.title, a.date, a.byline, a.format, a.read, a.starred, hex(b.data) FROM articles a JOIN sources s ON s.id = a.source_id JOIN bodies b ON b.id = a.id ORDER BY s.source, a.item;
SELECT 'M', s.source, a.item, e.name, e.type, m.count FROM mentions m JOIN articles a ON a.id = m.article_id JOIN sources s ON s.id = a.source_id JOIN entities e ON e.id = m.entity_id ORDER BY s.source, a.item, e.name, e.type, m.count;
SELECT 'E', name, type FROM entities ORDER BY name, type;
SELECT 'T', term, df FROM terms ORDER BY term;
SELECT 'F', a.item, f.title, f.body FROM fts f JOIN articles a ON a.id = f.rowid ORDER BY a.item;
SELECT 'N', e.name, n.name FROM entity_names n JOIN entities e ON e.id = n.rowid ORDER BY e.name, e.type;
SELECT 'S', source, size, hash FROM sources ORDER BY source;
SQL
