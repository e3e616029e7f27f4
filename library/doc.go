// Package library is byline's store: an embedded SQLite database (pure Go,
// modernc.org/sqlite) that remembers every imported article with its parsed
// sections and recognised people and places, the reader's state for each
// article (read, starred, reading position), a full-text index, and the
// feeds the reader subscribed to.
//
// A Library is safe for concurrent use by several goroutines and by several
// byline processes at once on the same file: the database runs in WAL mode
// with a busy timeout, and every write is one short immediate transaction,
// which decides what is new from what the file holds inside it. A process
// killed at any moment leaves the last committed state; a full disk fails
// the write at hand with ErrDiskFull and keeps the rest; a library that
// cannot be written opens read-only (ErrReadOnly on changes). A file that
// is not a byline library is refused, never modified.
//
// Articles are keyed by their source (an absolute path or a URL) and the
// hash of its content: importing an unchanged source again does not parse or
// recognise it, a changed one replaces its articles but keeps their state.
//
// # Using it from the app
//
// Nothing here draws on a terminal; package ui calls it from tea.Cmds:
//
//   - start: Open(ctx, Path(flagValue)); the first screen is Counts and
//     List(ctx, 0, pageSize) (entries only: no body is loaded);
//   - open an article: Article(ctx, id) returns the stored model.Article
//     (nothing is parsed or recognised again) and its Entry, whose Position
//     is where the reader left it; save it with SetPosition;
//   - m and s: ToggleRead, ToggleStarred; the status line: Counts;
//   - / in the Articles pane: Search(ctx, text, SearchOptions{Prefix: true})
//     on every keystroke (results as you type), without Prefix on Enter;
//     Result.Snippet and Result.Marks give the highlighted passage; the
//     true number of results (not "50+") is Count(ctx, text, opts) with the
//     same Prefix;
//   - the People & Places pane's "articles mentioning": ArticlesMentioning;
//   - background refresh: Refresh with RefreshOptions.Progress, imports with
//     ImportOptions.Progress. The callbacks run on the calling goroutine of
//     Refresh or Import, one at a time: forward them to the program (for
//     example with tea.Program.Send or a channel read by a tea.Cmd). Per-feed
//     failures come back as warnings, never as the error.
package library
