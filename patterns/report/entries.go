package report

import (
	"io"

	"github.com/throughline/throughline/journal"
	"github.com/throughline/throughline/journal/transfer"
)

// EntryStore is what an export of the entries themselves reads: the
// report's store, and the entries a page at a time, oldest first.
type EntryStore interface {
	Store
	EachEntry(q journal.EntryQuery, each func(journal.Entry) error) error
}

// WriteEntriesMarkdown writes the entries an export holds (the days
// Covered, less those LeftOut) to w as one Markdown file, oldest first,
// as they are read, so the whole journal is never in memory at once.
// With RedactPeople, names are hidden as the report hides them. It
// returns how many entries it wrote.
func WriteEntriesMarkdown(store EntryStore, opt Options, w io.Writer) (int, error) {
	covered, _, err := Covered(store, opt, opt.now())
	if err != nil {
		return 0, err
	}
	hide := func(e *journal.Entry) {}
	if opt.RedactPeople {
		if hide, err = entryRedactor(store, opt); err != nil {
			return 0, err
		}
	}
	md := transfer.NewMarkdownEntries(w)
	err = store.EachEntry(journal.EntryQuery{From: covered.From, Before: covered.To}, func(e journal.Entry) error {
		if opt.LeftOut(e) {
			return nil
		}
		hide(&e)
		return md.Write(e)
	})
	if err != nil {
		return 0, err
	}
	return md.Count(), md.Close()
}

// entryRedactor hides people's names in every part of an entry the
// Markdown export prints.
func entryRedactor(store Store, opt Options) (func(e *journal.Entry), error) {
	people, err := store.People()
	if err != nil {
		return nil, err
	}
	words, err := store.HiddenWords()
	if err != nil {
		return nil, err
	}
	x := newRedactor(people, append(words, opt.Hide...))
	return func(e *journal.Entry) {
		e.Title, e.Body = x.text(e.Title), x.text(e.Body)
		for _, list := range [][]string{e.Emotions, e.Patterns} {
			for i := range list {
				list[i] = x.text(list[i])
			}
		}
		for i := range e.Episodes {
			ep := &e.Episodes[i]
			ep.Person, ep.EarlierPerson = x.text(ep.Person), x.text(ep.EarlierPerson)
		}
	}, nil
}
