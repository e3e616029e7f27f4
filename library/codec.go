package library

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/byline/byline/model"
)

// A body is stored as one byte naming its encoding followed by the encoded
// sections and entities, then its links, then the mentions in the title
// (bodies stored before links or title mentions were kept end earlier, and
// decode without them; a reader that predates a block ignores it).
// codecFlate is the only encoding so far: a compact varint layout
// compressed with DEFLATE, about a third of the text's size. The title is
// not in the body (it is the article's row), so a title mention is stored
// apart as its entity's index and its span: an entity's other mentions
// keep their layout, paragraph+1 as an unsigned varint.
const codecFlate = 1

// errBadBody says a stored body could not be decoded.
var errBadBody = errors.New("damaged article body")

// encoder turns articles into stored bodies. It reuses its buffers and its
// compressor, so each worker goroutine owns one.
type encoder struct {
	raw []byte
	out bytes.Buffer
	zw  *flate.Writer
	// terms finds the words of the articles this encoder's goroutine
	// prepares.
	terms termSet
}

func newEncoder() *encoder {
	zw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return &encoder{zw: zw}
}

// encode returns a's sections and entities as a stored body. The result is
// valid until the next call.
func (e *encoder) encode(a *model.Article) []byte {
	b := e.raw[:0]
	b = binary.AppendUvarint(b, uint64(len(a.Sections)))
	for _, s := range a.Sections {
		b = appendString(b, s.Heading)
		b = binary.AppendUvarint(b, uint64(len(s.Paragraphs)))
		for _, p := range s.Paragraphs {
			b = appendString(b, p)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(a.Entities)))
	for _, ent := range a.Entities {
		b = appendString(b, ent.Name)
		b = binary.AppendUvarint(b, uint64(ent.Type))
		b = binary.AppendUvarint(b, uint64(len(ent.Mentions)-titleMentions(ent)))
		for _, m := range ent.Mentions {
			if m.Paragraph == model.TitleParagraph {
				continue
			}
			b = binary.AppendUvarint(b, uint64(m.Section))
			b = binary.AppendUvarint(b, uint64(m.Paragraph+1))
			b = binary.AppendUvarint(b, uint64(m.Start))
			b = binary.AppendUvarint(b, uint64(m.End-m.Start))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(a.Links)))
	for _, l := range a.Links {
		b = appendString(b, l.Text)
		b = appendString(b, l.URL)
		b = binary.AppendUvarint(b, uint64(l.Section+1))
		b = binary.AppendUvarint(b, uint64(l.Paragraph+1))
		b = binary.AppendUvarint(b, uint64(l.Start))
		b = binary.AppendUvarint(b, uint64(l.End-l.Start))
	}
	b = appendTitleMentions(b, a)
	e.raw = b
	e.out.Reset()
	e.out.WriteByte(codecFlate)
	e.zw.Reset(&e.out)
	e.zw.Write(b)
	e.zw.Close()
	return e.out.Bytes()
}

// titleMentions counts the entity's mentions in the title.
func titleMentions(e model.Entity) int {
	n := 0
	for _, m := range e.Mentions {
		if m.Paragraph == model.TitleParagraph {
			n++
		}
	}
	return n
}

// appendTitleMentions appends the block of title mentions, if there are
// any: their number, then each one's entity index, start and length.
func appendTitleMentions(b []byte, a *model.Article) []byte {
	n := 0
	for _, ent := range a.Entities {
		n += titleMentions(ent)
	}
	if n == 0 {
		return b // the layout of bodies without them, byte for byte
	}
	b = binary.AppendUvarint(b, uint64(n))
	for ei, ent := range a.Entities {
		for _, m := range ent.Mentions {
			if m.Paragraph == model.TitleParagraph {
				b = binary.AppendUvarint(b, uint64(ei))
				b = binary.AppendUvarint(b, uint64(m.Start))
				b = binary.AppendUvarint(b, uint64(m.End-m.Start))
			}
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeBody fills a's Sections and Entities from a stored body. A mention's
// Text is taken from the text it points into.
func decodeBody(data []byte, a *model.Article) error {
	var r bodyReader
	return r.decode(data, a, true)
}

// bodyReader decodes bodies, reusing its decompressor and buffer: one
// serves a loop over many bodies (search snippets).
type bodyReader struct {
	zr  io.ReadCloser
	src bytes.Reader
	buf bytes.Buffer
}

// decode fills a's Sections and, withEntities, its Entities.
func (r *bodyReader) decode(data []byte, a *model.Article, withEntities bool) error {
	if len(data) == 0 || data[0] != codecFlate {
		return errBadBody
	}
	r.src.Reset(data[1:])
	if r.zr == nil {
		r.zr = flate.NewReader(&r.src)
	} else if err := r.zr.(flate.Resetter).Reset(&r.src, nil); err != nil {
		return fmt.Errorf("%w: %v", errBadBody, err)
	}
	r.buf.Reset()
	if _, err := r.buf.ReadFrom(r.zr); err != nil {
		return fmt.Errorf("%w: %v", errBadBody, err)
	}
	d := decoder{b: r.buf.Bytes()}
	a.Sections = make([]model.Section, d.count())
	for i := range a.Sections {
		s := &a.Sections[i]
		s.Heading = d.string()
		s.Paragraphs = make([]string, d.count())
		for j := range s.Paragraphs {
			s.Paragraphs[j] = d.string()
		}
	}
	if !withEntities {
		return d.err
	}
	a.Entities = make([]model.Entity, d.count())
	for i := range a.Entities {
		ent := &a.Entities[i]
		ent.Name = d.string()
		ent.Type = model.EntityType(d.uvarint())
		ent.Mentions = make([]model.Mention, d.count())
		for j := range ent.Mentions {
			m := &ent.Mentions[j]
			m.Section = int(d.uvarint())
			m.Paragraph = int(d.uvarint()) - 1
			m.Start = int(d.uvarint())
			m.End = m.Start + int(d.uvarint())
			text := a.Text(m.Section, m.Paragraph)
			if m.Start > m.End || m.End > len(text) {
				d.err = errBadBody
				break
			}
			m.Text = text[m.Start:m.End]
		}
	}
	if d.err == nil && len(d.b) > 0 {
		d.links(a)
	}
	if d.err == nil && len(d.b) > 0 {
		d.titleMentions(a)
	}
	return d.err
}

// titleMentions reads the mentions in a's title and puts each first among
// its entity's mentions, where the title is read. The title is not part
// of the body: a mention that does not fit the title a was given (a
// summary read without one) is dropped, not an error.
func (d *decoder) titleMentions(a *model.Article) {
	n := d.count()
	var title [][]model.Mention
	dropped := false
	for range n {
		ei, start := d.uvarint(), int(d.uvarint())
		end := start + int(d.uvarint())
		if d.err != nil || ei >= uint64(len(a.Entities)) {
			d.err = errBadBody
			return
		}
		if start > end || end > len(a.Title) {
			dropped = true
			continue
		}
		if title == nil {
			title = make([][]model.Mention, len(a.Entities))
		}
		title[ei] = append(title[ei], model.Mention{Section: 0, Paragraph: model.TitleParagraph,
			Start: start, End: end, Text: a.Title[start:end]})
	}
	for ei, ms := range title {
		if len(ms) > 0 {
			ent := &a.Entities[ei]
			ent.Mentions = append(ms, ent.Mentions...)
		}
	}
	if dropped {
		// An entity named only in a title it was not given is not there.
		a.Entities = slices.DeleteFunc(a.Entities, func(e model.Entity) bool { return len(e.Mentions) == 0 })
	}
}

// dropTitleMentions removes a's title mentions, and the entities named
// only there.
func dropTitleMentions(a *model.Article) {
	for i := range a.Entities {
		e := &a.Entities[i]
		e.Mentions = slices.DeleteFunc(e.Mentions, func(m model.Mention) bool { return m.Paragraph == model.TitleParagraph })
	}
	a.Entities = slices.DeleteFunc(a.Entities, func(e model.Entity) bool { return len(e.Mentions) == 0 })
}

// links reads a's links, each checked to lie in the text it points into.
func (d *decoder) links(a *model.Article) {
	n := d.count()
	if n == 0 {
		return
	}
	a.Links = make([]model.Link, n)
	for i := range a.Links {
		l := &a.Links[i]
		l.Text, l.URL = d.string(), d.string()
		l.Section = int(d.uvarint()) - 1
		l.Paragraph = int(d.uvarint()) - 1
		l.Start = int(d.uvarint())
		l.End = l.Start + int(d.uvarint())
		if l.InText() && (l.Start > l.End || l.End > len(a.Text(l.Section, l.Paragraph))) {
			d.err = errBadBody
			return
		}
	}
}

// decoder reads the varint layout; the first error sticks and later reads
// return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errBadBody
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length and refuses one larger than the bytes left, so a
// damaged body cannot make the decoder allocate without bound.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.err = errBadBody
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
