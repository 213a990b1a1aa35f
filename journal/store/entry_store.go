package store

import (
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// entryRow is an entry as stored: times as numbers, text as sealed by the
// field codec.
type entryRow struct {
	ID            int64 `gorm:"primaryKey"`
	WrittenAt     int64
	WrittenOffset int
	WrittenZone   string
	Created       int64 `gorm:"column:created_at"` // not CreatedAt: GORM would fill it itself
	Updated       int64 `gorm:"column:updated_at"`
	Kind          string
	Title         string
	Body          string
	Mood          *int
	Flagged       bool
	Source        string
	SourceID      string
}

func (entryRow) TableName() string { return "entries" }

// entryColumns are written on every update, zero values included, so
// clearing a title or a mood sticks.
var entryColumns = []string{"written_at", "written_offset", "written_zone", "updated_at", "kind", "title", "body", "mood", "flagged"}

func (s *Store) toRow(e journal.Entry) (entryRow, error) {
	zone, offset := zoneOf(e.WrittenAt)
	row := entryRow{
		ID: e.ID, WrittenAt: e.WrittenAt.Unix(), WrittenOffset: offset, WrittenZone: zone,
		Created: e.CreatedAt.UnixMilli(), Updated: e.UpdatedAt.UnixMilli(),
		Kind: string(e.Kind), Flagged: e.Flagged, Source: e.Source, SourceID: e.SourceID,
	}
	if e.Mood != 0 {
		m := e.Mood
		row.Mood = &m
	}
	seal := sealer{codec: s.codec, table: "entries", id: e.ID}
	row.Title, row.Body = seal.seal("title", e.Title), seal.seal("body", e.Body)
	return row, seal.err
}

func (s *Store) fromRow(row entryRow) (journal.Entry, error) {
	e := journal.Entry{
		ID: row.ID, WrittenAt: inZone(row.WrittenAt, row.WrittenZone, row.WrittenOffset),
		CreatedAt: time.UnixMilli(row.Created), UpdatedAt: time.UnixMilli(row.Updated),
		Kind: journal.Kind(row.Kind), Flagged: row.Flagged, Source: row.Source, SourceID: row.SourceID,
	}
	if row.Mood != nil {
		e.Mood = *row.Mood
	}
	seal := sealer{codec: s.codec, table: "entries", id: row.ID}
	e.Title, e.Body = seal.open("title", row.Title), seal.open("body", row.Body)
	return e, seal.err
}

// CreateEntry saves a new entry and returns it with its id and times.
func (s *Store) CreateEntry(e journal.Entry) (journal.Entry, error) {
	saved, err := s.CreateEntries([]journal.Entry{e})
	if err != nil {
		return journal.Entry{}, err
	}
	return saved[0], nil
}

// CreateEntries saves new entries in one transaction: all of them or none.
func (s *Store) CreateEntries(entries []journal.Entry) ([]journal.Entry, error) {
	for i := range entries {
		if err := entries[i].Validate(); err != nil {
			if len(entries) > 1 {
				return nil, journal.Errorf(journal.EInvalid, "Entry %d of %d: %s Nothing was saved.", i+1, len(entries), err.Error())
			}
			return nil, err
		}
	}
	saved := make([]journal.Entry, len(entries))
	err := s.db.Transaction(func(tx *gorm.DB) error {
		id, err := reserveIDs(tx, "entries", len(entries))
		if err != nil {
			return err
		}
		now := s.now()
		b := s.newBatch(tx)
		defer b.close()
		for i, e := range entries {
			e.ID, e.CreatedAt, e.UpdatedAt = id+int64(i), now, now
			saved[i] = e
		}
		return b.addAll(saved)
	})
	if err != nil {
		return nil, internal("save the entry", err)
	}
	return saved, nil
}

// UpdateEntry replaces an existing entry's fields, emotions and patterns.
func (s *Store) UpdateEntry(e journal.Entry) (journal.Entry, error) {
	if err := e.Validate(); err != nil {
		return journal.Entry{}, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var old []entryRow
		if err := tx.Raw("SELECT created_at, title, body FROM entries WHERE id = ?", e.ID).Scan(&old).Error; err != nil {
			return err
		}
		if len(old) == 0 {
			return notFound(e.ID)
		}
		e.CreatedAt, e.UpdatedAt = time.UnixMilli(old[0].Created), s.now()
		row, err := s.toRow(e)
		if err != nil {
			return err
		}
		s.keepUnchangedText(&row, old[0], e)
		if err := s.unindex(tx, e.ID); err != nil { // while the old text is there to say what to remove
			return err
		}
		if err := tx.Model(&entryRow{ID: e.ID}).Select(entryColumns).Updates(&row).Error; err != nil {
			return err
		}
		for _, table := range []string{"entry_emotions", "entry_patterns"} {
			if err := tx.Exec("DELETE FROM "+table+" WHERE entry_id = ?", e.ID).Error; err != nil {
				return err
			}
		}
		if err := s.link(tx, e); err != nil { // replaces the episodes too
			return err
		}
		return s.index(tx, e)
	})
	if err != nil {
		return journal.Entry{}, internal("save the entry", err)
	}
	s.checkpoint() // the text before the edit leaves the log
	return e, nil
}

// keepUnchangedText keeps the stored ciphertext of a title or body the
// edit left as it was: sealed afresh it would read as a change, which sync
// would send and which could win over a real edit made meanwhile on
// another computer.
func (s *Store) keepUnchangedText(row *entryRow, old entryRow, e journal.Entry) {
	seal := sealer{codec: s.codec, table: "entries", id: e.ID}
	if seal.open("title", old.Title) == e.Title && seal.err == nil {
		row.Title = old.Title
	}
	if seal.open("body", old.Body) == e.Body && seal.err == nil {
		row.Body = old.Body
	}
}

// link records an entry's emotions, patterns and episodes, creating
// names that are not in the vocabulary yet.
func (s *Store) link(tx *gorm.DB, e journal.Entry) error {
	if err := s.linkNames(tx, "entry", e.ID, e.Emotions, e.Patterns); err != nil {
		return err
	}
	if err := tx.Exec("DELETE FROM entry_goals WHERE entry_id = ?", e.ID).Error; err != nil {
		return err
	}
	for _, goal := range e.GoalIDs {
		if _, err := s.goalIn(tx, goal); err != nil {
			return err
		}
		if err := tx.Exec("INSERT OR IGNORE INTO entry_goals (entry_id, goal_id) VALUES (?, ?)", e.ID, goal).Error; err != nil {
			return err
		}
	}
	return s.saveEpisodes(tx, e)
}

// linkNames links an entry's or an episode's (owner) emotions and
// patterns by name.
func (s *Store) linkNames(tx *gorm.DB, owner string, id int64, emotions, patterns []string) error {
	for _, l := range []struct {
		vocabulary, column string
		names              []string
	}{{"emotions", "emotion_id", emotions}, {"patterns", "pattern_id", patterns}} {
		ids, err := s.vocabularyIDs(tx, l.vocabulary, l.names)
		if err != nil {
			return err
		}
		for _, vid := range ids {
			if err := tx.Exec("INSERT INTO "+owner+"_"+l.vocabulary+" ("+owner+"_id, "+l.column+") VALUES (?, ?)", id, vid).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// namesFor calls add with the emotion and pattern names of each entry or
// episode (owner) in ids, in vocabulary order.
func (s *Store) namesFor(owner string, ids []int64, add func(id int64, vocabulary, name string)) error {
	for start := 0; start < len(ids); start += linkChunk {
		chunk := ids[start:min(start+linkChunk, len(ids))]
		for _, l := range []struct{ vocabulary, column string }{{"emotions", "emotion_id"}, {"patterns", "pattern_id"}} {
			var links []struct {
				OwnerID int64
				ID      int64
				Name    string
			}
			err := s.db.Raw("SELECT l."+owner+"_id AS owner_id, v.id, v.name FROM "+owner+"_"+l.vocabulary+" l JOIN "+l.vocabulary+" v ON v.id = l."+l.column+
				" WHERE l."+owner+"_id IN ? ORDER BY l."+owner+"_id, v.id", chunk).Scan(&links).Error
			if err != nil {
				return internal("read the "+l.vocabulary, err)
			}
			for _, link := range links {
				seal := sealer{codec: s.codec, table: l.vocabulary, id: link.ID}
				name := seal.open("name", link.Name)
				if seal.err != nil {
					return seal.err
				}
				add(link.OwnerID, l.vocabulary, name)
			}
		}
	}
	return nil
}

// DeleteEntry removes an entry, its links and its attachments.
func (s *Store) DeleteEntry(id int64) error {
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := s.unindex(tx, id); err != nil { // while the text is there to say what to remove
			return err
		}
		held, err := heldBy(tx, id)
		if err != nil {
			return err
		}
		res := tx.Exec("DELETE FROM entries WHERE id = ?", id)
		if res.Error == nil && res.RowsAffected == 0 {
			return notFound(id)
		}
		if res.Error != nil {
			return res.Error
		}
		return dropUnheld(tx, held) // its files, unless another entry holds them too
	})
	if err != nil {
		return internal("delete the entry", err)
	}
	s.checkpoint()
	return nil
}

func notFound(id int64) error {
	return journal.Errorf(journal.ENotFound, "There is no entry %d. `throughline list` shows the entries and their numbers.", id)
}

// Entry returns one entry with its emotions and patterns.
func (s *Store) Entry(id int64) (journal.Entry, error) {
	var rows []entryRow
	if err := s.db.Where("id = ?", id).Find(&rows).Error; err != nil {
		return journal.Entry{}, internal("read the entry", err)
	}
	if len(rows) == 0 {
		return journal.Entry{}, notFound(id)
	}
	entries, err := s.complete(rows)
	if err != nil {
		return journal.Entry{}, err
	}
	return entries[0], nil
}

// Entries lists the entries q selects, newest first, with emotions and
// patterns.
func (s *Store) Entries(q journal.EntryQuery) ([]journal.Entry, error) {
	db := s.db.Model(&entryRow{})
	if !q.From.IsZero() {
		db = db.Where("written_at >= ?", q.From.Unix())
	}
	if !q.Before.IsZero() {
		db = db.Where("written_at < ?", q.Before.Unix())
	}
	if q.After != nil {
		at := q.After.WrittenAt.Unix()
		// A row value, not an OR: SQLite then seeks straight to the cursor in
		// the index instead of walking it from the newest entry.
		db = db.Where("(written_at, id) < (?, ?)", at, q.After.ID)
	}
	if q.Flagged {
		db = db.Where("flagged")
	}
	if q.WithEpisodes {
		// IN, not EXISTS per entry: SQLite seeks each entry with an
		// episode by id instead of probing every entry in the days.
		db = db.Where("id IN (SELECT entry_id FROM episodes)")
	}
	if q.Limit > 0 {
		db = db.Limit(q.Limit)
	}
	var rows []entryRow
	if err := db.Order("written_at DESC, id DESC").Find(&rows).Error; err != nil {
		return nil, internal("list the entries", err)
	}
	return s.complete(rows)
}

// CountEntries counts every entry in the journal.
func (s *Store) CountEntries() (int64, error) {
	var n int64
	err := s.db.Model(&entryRow{}).Count(&n).Error
	return n, internal("count the entries", err)
}

// linkChunk keeps IN lists well under SQLite's limit on parameters.
const linkChunk = 500

// complete opens stored rows and attaches their names and episodes.
func (s *Store) complete(rows []entryRow) ([]journal.Entry, error) {
	entries := make([]journal.Entry, len(rows))
	index := make(map[int64]int, len(rows))
	ids := make([]int64, len(rows))
	for i, row := range rows {
		e, err := s.fromRow(row)
		if err != nil {
			return nil, err
		}
		entries[i], index[row.ID], ids[i] = e, i, row.ID
	}
	err := s.namesFor("entry", ids, func(id int64, vocabulary, name string) {
		e := &entries[index[id]]
		if vocabulary == "emotions" {
			e.Emotions = append(e.Emotions, name)
		} else {
			e.Patterns = append(e.Patterns, name)
		}
	})
	if err != nil {
		return nil, err
	}
	if err := s.markConflicted(entries, index, ids); err != nil {
		return nil, err
	}
	for start := 0; start < len(ids); start += linkChunk {
		var goals []struct{ EntryID, GoalID int64 }
		if err := s.db.Raw("SELECT entry_id, goal_id FROM entry_goals WHERE entry_id IN ? ORDER BY entry_id, goal_id", ids[start:min(start+linkChunk, len(ids))]).Scan(&goals).Error; err != nil {
			return nil, internal("read the entries' goals", err)
		}
		for _, g := range goals {
			e := &entries[index[g.EntryID]]
			e.GoalIDs = append(e.GoalIDs, g.GoalID)
		}
		var epRows []episodeRow
		if err := s.db.Raw(episodeSelect+"WHERE ep.entry_id IN ? ORDER BY ep.entry_id, ep.position", ids[start:min(start+linkChunk, len(ids))]).Scan(&epRows).Error; err != nil {
			return nil, internal("read the entries' episodes", err)
		}
		episodes, err := s.openEpisodes(epRows)
		if err != nil {
			return nil, err
		}
		for i, r := range epRows {
			e := &entries[index[r.EntryID]]
			e.Episodes = append(e.Episodes, episodes[i])
		}
	}
	return entries, nil
}
