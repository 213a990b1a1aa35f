package store

import (
	"crypto/sha256"
	"encoding/binary"
	"io"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// ImportEntries adds entries from another journal in one transaction:
// all or none. An entry already in the journal (the same Source and
// SourceID, or without a SourceID the same time, title and body) is
// skipped, so importing a file twice adds nothing. Names not in the
// vocabulary become patterns in the imported category.
func (s *Store) ImportEntries(entries []journal.Entry) (added []journal.Entry, skipped []journal.Skipped, err error) {
	for i := range entries {
		if err := entries[i].Validate(); err != nil {
			return nil, nil, journal.Errorf(journal.EInvalid, "Entry %d of %d: %s Nothing was imported.", i+1, len(entries), err.Error())
		}
	}
	var span journal.TextSpan
	for _, e := range entries {
		span.Add(e)
	}
	_, skipped, err = s.importEach(span, func(add func(journal.Entry) error) error {
		for _, e := range entries {
			if err := add(e); err != nil {
				return err
			}
		}
		return nil
	}, func(e journal.Entry) { added = append(added, e) })
	if err != nil {
		return nil, nil, err
	}
	return added, skipped, nil
}

// ImportEach is ImportEntries for entries too many to hold at once:
// each calls add with every entry in turn, and only a few hundred are
// held at a time. span holds every entry each gives, so the duplicate
// check reads no more of the journal than it must. It returns how many
// were added.
func (s *Store) ImportEach(span journal.TextSpan, each func(add func(journal.Entry) error) error) (added int, skipped []journal.Skipped, err error) {
	return s.importEach(span, each, nil)
}

// importChunk is how many entries an import holds before writing them.
const importChunk = 512

// importEach runs an import in one transaction, calling keep (when not
// nil) with each entry added.
func (s *Store) importEach(span journal.TextSpan, each func(add func(journal.Entry) error) error, keep func(journal.Entry)) (added int, skipped []journal.Skipped, err error) {
	err = s.db.Transaction(func(tx *gorm.DB) error {
		b := s.newBatch(tx)
		defer b.close()
		if err := beginBulkIndex(tx); err != nil {
			return err
		}
		there, err := s.existing(tx, span)
		if err != nil {
			return err
		}
		first, err := reserveIDs(tx, "entries", 0)
		if err != nil {
			return err
		}
		indexes := newReadIndexes()
		now := s.now()
		pending := make([]journal.Entry, 0, importChunk)
		flush := func() error {
			if err := indexes.beforeWriting(tx, added, len(pending)); err != nil {
				return err
			}
			if err := b.addRows(pending); err != nil {
				return err
			}
			if err := b.indexOpenText(pending); err != nil {
				return err
			}
			if err := s.attachImported(tx, pending); err != nil {
				return err
			}
			for _, e := range pending {
				if keep != nil {
					keep(e)
				}
			}
			added += len(pending)
			pending = pending[:0]
			return nil
		}
		item := 0
		err = each(func(e journal.Entry) error {
			item++
			if err := e.Validate(); err != nil {
				return journal.Errorf(journal.EInvalid, "Entry %d: %s Nothing was imported.", item, err.Error())
			}
			key := importKey(e)
			if there[key] {
				skipped = append(skipped, journal.Skipped{Item: item, Reason: "already in the journal"})
				return nil
			}
			there[key] = true // a second copy in the same file is skipped too
			if err := b.importVocabulary(e); err != nil {
				return err
			}
			e.ID, e.CreatedAt, e.UpdatedAt = first+int64(added+len(pending)), now, now
			if pending = append(pending, e); len(pending) == importChunk {
				return flush()
			}
			return nil
		})
		if err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
		// The ids were taken as the entries came; now the counter moves
		// past them.
		if _, err := reserveIDs(tx, "entries", 0); err != nil {
			return err
		}
		if err := indexes.afterWriting(tx); err != nil {
			return err
		}
		if err := b.indexRowText(first, first+int64(added)-1); err != nil {
			return err
		}
		return settleIndex(tx, added)
	})
	if err != nil {
		return 0, nil, internal("import the entries", err)
	}
	return added, skipped, nil
}

// entryKey identifies an entry across imports: a hash of its source and
// id there, or without an id of its time, title and body. A hash, not the
// text itself, so telling 100,000 entries apart doesn't hold a second copy
// of all they say.
type entryKey [sha256.Size]byte

func importKey(e journal.Entry) entryKey {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	field := func(s string) { // length first, so no two lists of fields hash alike
		h.Write(binary.AppendUvarint(n[:0], uint64(len(s))))
		io.WriteString(h, s)
	}
	if e.SourceID != "" {
		field("id")
		field(e.Source)
		field(e.SourceID)
	} else {
		field("text")
		h.Write(binary.AppendVarint(n[:0], e.WrittenAt.Unix()))
		field(e.Title)
		field(e.Body)
	}
	var k entryKey
	h.Sum(k[:0])
	return k
}

// existing reads the keys of the entries already in the journal that
// the entries being imported could match: those with a SourceID, and
// those written within span, a row at a time.
func (s *Store) existing(tx *gorm.DB, span journal.TextSpan) (map[entryKey]bool, error) {
	there := map[entryKey]bool{}
	sources, err := tx.Raw("SELECT source, source_id FROM entries WHERE source_id != ''").Rows()
	if err != nil {
		return nil, err
	}
	defer sources.Close()
	for sources.Next() {
		var e journal.Entry
		if err := sources.Scan(&e.Source, &e.SourceID); err != nil {
			return nil, err
		}
		there[importKey(e)] = true
	}
	if err := sources.Close(); err != nil {
		return nil, err
	}
	if span[0].IsZero() {
		return there, nil
	}
	rows, err := tx.Raw("SELECT id, written_at, title, body FROM entries WHERE written_at BETWEEN ? AND ?", span[0].Unix(), span[1].Unix()).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r entryRow
		if err := rows.Scan(&r.ID, &r.WrittenAt, &r.Title, &r.Body); err != nil {
			return nil, err
		}
		// Matched by text, as the entries being imported are.
		seal := sealer{codec: s.codec, table: "entries", id: r.ID}
		old := journal.Entry{WrittenAt: time.Unix(r.WrittenAt, 0), Title: seal.open("title", r.Title), Body: seal.open("body", r.Body)}
		if seal.err != nil {
			return nil, seal.err
		}
		there[importKey(old)] = true
	}
	return there, rows.Err()
}

// importVocabulary creates the entry's unknown pattern names in the
// imported category, so they can be told apart from the person's own.
func (b *batch) importVocabulary(e journal.Entry) error {
	if _, err := b.vocabularyIDs("patterns", nil); err != nil { // loads the names
		return err
	}
	known := b.ids["patterns"]
	for _, name := range e.Patterns {
		if _, ok := known[b.s.nameKey(name)]; ok {
			continue
		}
		p := journal.Pattern{Name: name, Category: journal.CategoryImported}
		if err := p.Validate(); err != nil {
			return err
		}
		id, err := b.s.insertPattern(b.tx, p)
		if err != nil {
			return err
		}
		known[b.s.nameKey(name)] = id
	}
	return nil
}
