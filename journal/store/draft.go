package store

import (
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"github.com/throughline/throughline/journal"
)

// editorSlot is the drafts row of the journal window's editor.
const editorSlot = 1

// SaveDraft keeps the editor's contents so they survive a crash or a
// close without saving.
func (s *Store) SaveDraft(d journal.Draft) error {
	data, err := json.Marshal(d)
	if err != nil {
		return internal("keep the draft", err)
	}
	seal := sealer{codec: s.codec, table: "drafts", id: editorSlot}
	stored := seal.seal("data", string(data))
	if seal.err != nil {
		return seal.err
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		return tx.Exec(`INSERT INTO drafts (slot, data, saved_at) VALUES (?, ?, ?)
			ON CONFLICT (slot) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at`,
			editorSlot, stored, s.now().UnixMilli()).Error
	})
	return internal("keep the draft", err)
}

// Draft returns the kept draft, if there is one.
func (s *Store) Draft() (journal.Draft, bool, error) {
	var rows []struct {
		Data    string
		SavedAt int64
	}
	if err := s.db.Raw("SELECT data, saved_at FROM drafts WHERE slot = ?", editorSlot).Scan(&rows).Error; err != nil {
		return journal.Draft{}, false, internal("read the draft", err)
	}
	if len(rows) == 0 {
		return journal.Draft{}, false, nil
	}
	seal := sealer{codec: s.codec, table: "drafts", id: editorSlot}
	data := seal.open("data", rows[0].Data)
	if seal.err != nil {
		return journal.Draft{}, false, seal.err
	}
	var d journal.Draft
	if err := json.Unmarshal([]byte(data), &d); err != nil {
		return journal.Draft{}, false, internal("read the draft", err)
	}
	d.SavedAt = time.UnixMilli(rows[0].SavedAt)
	return d, true, nil
}

// DiscardDraft forgets the kept draft, once it is saved or thrown away.
func (s *Store) DiscardDraft() error {
	return internal("discard the draft", s.db.Exec("DELETE FROM drafts WHERE slot = ?", editorSlot).Error)
}
