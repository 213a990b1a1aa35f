package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"
)

// nameTables hold names unique ignoring case (name_key): two computers can
// each make the same one before they meet.
var nameTables = map[string]bool{"patterns": true, "emotions": true, "people": true, "hidden_words": true}

// mergeUnique merges a change that may meet a row another computer made
// with the same unique name or file. The higher id gives way, so every
// computer lands on the same result whichever arrived first: a name
// becomes "Name (2)" (see settleNames), a file becomes an
// alias of the lower id's copy and its entries' links follow.
func (s *Store) mergeUnique(tx *gorm.DB, t syncedTable, c change, keyVals []any) (applyResult, error) {
	if t.name == "patterns" && c.Op == "delete" {
		if id, ok := keyVals[0].(int64); ok {
			if r, done, err := keepCycleSurvivor(tx, id); done {
				return r, err
			}
		}
	}
	if t.name == "attachments" {
		if id, ok := keyVals[0].(int64); ok && finalAlias(tx, "attachments", id) != id {
			return dropped, nil // a copy of a file kept under a lower id
		}
	}
	if t.name == "entry_attachments" {
		if v, ok := c.Cols["attachment_id"]; ok && v.I != nil {
			to := finalAlias(tx, "attachments", *v.I)
			c.Cols = cloneCols(c.Cols)
			c.Cols["attachment_id"] = syncValue{I: &to}
		}
	}
	if err := tx.Exec("SAVEPOINT sync_unique").Error; err != nil {
		return dropped, err
	}
	r, err := mergeChange(tx, t, c, keyVals)
	if t.name == "attachments" && c.Op == "delete" && errors.Is(err, gorm.ErrForeignKeyViolated) {
		// A file another computer let go of (its last entry deleted) is
		// still held here by an entry it didn't know of: kept, and sent
		// again so it comes back there too.
		if err := tx.Exec("ROLLBACK TO sync_unique").Error; err != nil {
			return dropped, err
		}
		id, _ := keyVals[0].(int64)
		return dropped, errors.Join(tx.Exec("RELEASE sync_unique").Error, resend(tx, "attachments", fmt.Sprintf("[%d]", id), "insert", ""))
	}
	if !errors.Is(err, gorm.ErrDuplicatedKey) {
		return r, errors.Join(err, tx.Exec("RELEASE sync_unique").Error)
	}
	if err := tx.Exec("ROLLBACK TO sync_unique").Error; err != nil {
		return dropped, err
	}
	if err := tx.Exec("RELEASE sync_unique").Error; err != nil {
		return dropped, err
	}
	id, ok := keyVals[0].(int64)
	switch {
	case !ok:
		return dropped, err
	case nameTables[t.name]:
		return mergeNameClaim(tx, t, c, keyVals, id)
	case t.name == "attachments":
		return mergeSameFile(tx, t, c, keyVals, id)
	}
	return dropped, err
}

// keepCycleSurvivor keeps the pattern two computers merged into each other
// (A into B on one, B into A on the other): every merge of the cycle ends
// at its lowest id, so that row must stay, on every computer. Its deletes
// are not applied, and a computer that still has it sends it again, so
// one that merged it away gets it back. done is false for any other row.
func keepCycleSurvivor(tx *gorm.DB, id int64) (r applyResult, done bool, err error) {
	a, err := readAliases(tx, "patterns")
	if err != nil {
		return dropped, true, err
	}
	if !a.cycleSurvivor(id) {
		return dropped, false, nil
	}
	var here int64
	if err := tx.Raw("SELECT count(*) FROM patterns WHERE id = ?", id).Scan(&here).Error; err != nil {
		return dropped, true, err
	}
	if here > 0 {
		err = resend(tx, "patterns", fmt.Sprintf("[%d]", id), "insert", "")
	}
	return dropped, true, err
}

func cloneCols(cols map[string]syncValue) map[string]syncValue {
	out := make(map[string]syncValue, len(cols))
	for k, v := range cols {
		out[k] = v
	}
	return out
}

// mergeSameFile keeps one copy of a file two computers both added: the
// higher id becomes an alias of the lower, and its links follow.
func mergeSameFile(tx *gorm.DB, t syncedTable, c change, keyVals []any, id int64) (applyResult, error) {
	var other []int64
	if err := tx.Raw("SELECT id FROM attachments WHERE content_key = ? AND id != ?", c.Cols["content_key"].value(), id).Scan(&other).Error; err != nil {
		return dropped, err
	}
	if len(other) == 0 {
		return dropped, fmt.Errorf("attachment %d: a unique value other than its content is taken", id)
	}
	lo, hi := min(id, other[0]), max(id, other[0])
	// The alias is sent on too: a computer where the higher copy was let
	// go of before the lower came never sees the two meet, yet entries
	// elsewhere may still name it.
	if err := writeAlias(tx, "attachments", hi, lo); err != nil {
		return dropped, err
	}
	if err := resend(tx, "sync_aliases", fmt.Sprintf(`["attachments",%d]`, hi), "insert", ""); err != nil {
		return dropped, err
	}
	if hi == id {
		return applied, recordInsert(tx, c)
	}
	// The copy here gives way; its content key steps aside so the lower
	// id's row can come in before the links move to it.
	if err := tx.Exec("UPDATE attachments SET content_key = 'moving:' || content_key WHERE id = ?", hi).Error; err != nil {
		return dropped, err
	}
	r, err := mergeChange(tx, t, c, keyVals)
	if err != nil || r != applied {
		return r, err
	}
	if err := tx.Exec("UPDATE entry_attachments SET attachment_id = ? WHERE attachment_id = ?", lo, hi).Error; err != nil {
		return dropped, err
	}
	return applied, tx.Exec("DELETE FROM attachments WHERE id = ?", hi).Error
}

// finalAlias follows merges of merges to the row they end at.
func finalAlias(tx *gorm.DB, table string, id int64) int64 {
	a, err := readAliases(tx, table)
	if err != nil {
		return id
	}
	return a.final(id)
}

// resend queues a row to go out again as this computer's own change once
// the round's received changes are in (those are never sent back): a
// computer that let it go then has it again.
func resend(tx *gorm.DB, table, key, op, cols string) error {
	if err := tx.Exec("CREATE TEMP TABLE IF NOT EXISTS sync_resend (tbl TEXT, key TEXT, op TEXT, cols TEXT)").Error; err != nil {
		return err
	}
	var c any
	if cols != "" {
		c = cols
	}
	return tx.Exec("INSERT INTO sync_resend (tbl, key, op, cols) VALUES (?, ?, ?, ?)", table, key, op, c).Error
}

// queueResends moves what resend queued into the outbox, for the next round.
func queueResends(tx *gorm.DB) error {
	if err := tx.Exec("CREATE TEMP TABLE IF NOT EXISTS sync_resend (tbl TEXT, key TEXT, op TEXT, cols TEXT)").Error; err != nil {
		return err
	}
	if err := tx.Exec("INSERT INTO sync_outbox (tbl, key, op, cols, at_ms) SELECT tbl, key, op, cols, " + nowMS + " FROM sync_resend").Error; err != nil {
		return err
	}
	return tx.Exec("DELETE FROM sync_resend").Error
}
