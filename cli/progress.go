package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressBar shows an import's or a refresh's progress on stderr: a bar
// redrawn in place on a terminal, a plain line every tenth of the way
// otherwise.
type progressBar struct {
	w        io.Writer
	terminal bool
	start    time.Time
	drawn    time.Time
	shown    bool
	lastStep int
}

func newProgressBar(w io.Writer, terminal bool) *progressBar {
	return &progressBar{w: w, terminal: terminal, start: time.Now(), lastStep: -1}
}

// update shows done of total; articles < 0 leaves out the article count.
func (b *progressBar) update(done, total, articles int) {
	if total == 0 {
		return
	}
	count := fmt.Sprintf("%d/%d", done, total)
	if articles >= 0 {
		count += ", " + plural(articles, "article")
	}
	if !b.terminal {
		if step := done * 10 / total; step != b.lastStep && total >= 10 {
			b.lastStep = step
			fmt.Fprintf(b.w, "progress: %s\n", count)
		}
		return
	}
	now := time.Now()
	if done < total && now.Sub(b.drawn) < 50*time.Millisecond {
		return // redraw at most 20 times a second
	}
	b.drawn = now
	const width = 30
	fill := done * width / total
	rate := float64(done) / max(time.Since(b.start).Seconds(), 1e-3)
	fmt.Fprintf(b.w, "\r[%s%s] %3d%% %s (%.0f/s)\x1b[K", strings.Repeat("=", fill), strings.Repeat(" ", width-fill),
		done*100/total, count, rate)
	b.shown = true
}

// clear removes the bar so that a message can be printed on its line.
func (b *progressBar) clear() {
	if b.terminal && b.shown {
		fmt.Fprint(b.w, "\r\x1b[K")
		b.shown = false
	}
}

// done ends the bar's line.
func (b *progressBar) done() {
	if b.terminal && b.shown {
		fmt.Fprintln(b.w)
		b.shown = false
	}
}
