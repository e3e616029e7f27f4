package render

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Styles are what Lines paints with: the highlights' SGR parameters and
// the styles of its messages ("Rendering…", a failure).
type Styles struct {
	Marks            MarkSGRs
	Message, Warning lipgloss.Style
}

// Lines returns the rows shown, each exactly margin+w cells wide, with
// hl's highlights painted over the rendered lines.
func (v *View) Lines(hl *Highlights, st *Styles) []string {
	w, h := v.w, v.h
	rows := make([]string, h)
	pad := strings.Repeat(" ", v.margin)
	full := v.margin + w
	message := func(style lipgloss.Style, text string) []string {
		rows[0] = style.Render(Fit(text, full))
		for i := 1; i < h; i++ {
			rows[i] = strings.Repeat(" ", full)
		}
		return rows
	}
	switch {
	case v.art == nil:
		return message(st.Message, "")
	case v.doc == nil, v.to-v.from == 1 && !v.rendered(v.from):
		return message(st.Message, "  Rendering…")
	case v.doc.Err != nil:
		return message(st.Warning, "  "+Clean(v.doc.Err.Error()))
	}
	if cap(v.ovbuf) < h {
		v.ovbuf = make([][]Overlay, h)
	}
	ovs := v.ovbuf[:h]
	for i := range ovs {
		ovs[i] = ovs[i][:0]
	}
	total := v.Total()
	for sec := v.SectionAt(v.top); sec < v.to && v.startOf(sec) < v.top+h; sec++ {
		start, end := v.startOf(sec), v.starts[sec-v.from+1]
		from := max(v.top-start, 0)
		to := min(end, v.top+h) - start
		hl.SectionOverlays(sec, v.doc.Secs[sec], from, to, ovs[start+from-v.top:])
	}
	var b strings.Builder
	blank := ""
	for y := 0; y < h; y++ {
		li := v.top + y
		if li >= total {
			// Below the end: one blank row, shared.
			if blank == "" {
				blank = strings.Repeat(" ", full)
			}
			rows[y] = blank
			continue
		}
		b.Reset()
		b.Grow(full + 32)
		b.WriteString(pad)
		switch {
		default:
			sec := v.SectionAt(li)
			s := v.doc.Secs[sec]
			if s == nil {
				msg := ""
				if li == v.startOf(sec) {
					msg = "  ⋯ rendering"
				}
				b.WriteString(st.Message.Render(Fit(msg, w)))
				break
			}
			l := &s.Lines[li-v.startOf(sec)]
			l.Paint(&b, w, ovs[y], &st.Marks)
		}
		rows[y] = b.String()
	}
	return rows
}
