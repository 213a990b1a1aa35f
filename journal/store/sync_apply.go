package store

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"gorm.io/gorm"
)

// applyResult says what became of a received change.
type applyResult int

const (
	applied applyResult = iota
	dropped             // superseded by a later change, or to a deleted row
	waiting             // its row or a parent isn't here yet: kept in sync_pending
)

// applyChanges merges received changes, and those still pending, in the
// order every device agrees on; a change that waits is retried after the
// others, until none moves. The caller empties the outbox afterwards, so
// applying is never sent back out.
func (s *Store) applyChanges(tx *gorm.DB, changes []change) (int, error) {
	var pending []struct {
		ID     int64
		Change string
	}
	if err := tx.Raw("SELECT id, change FROM sync_pending WHERE " + notClaim).Scan(&pending).Error; err != nil {
		return 0, err
	}
	for _, p := range pending {
		var c change
		if err := json.Unmarshal([]byte(p.Change), &c); err != nil {
			return 0, err
		}
		changes = append(changes, c)
	}
	if err := tx.Exec("DELETE FROM sync_pending WHERE " + notClaim).Error; err != nil {
		return 0, err
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[j].stamp().after(changes[i].stamp()) })
	done := 0
	for len(changes) > 0 {
		var wait []change
		for _, c := range changes {
			r, err := s.applyChange(tx, c)
			if err != nil {
				return done, err
			}
			if r == waiting {
				wait = append(wait, c)
			} else {
				done++
			}
		}
		if len(wait) == len(changes) {
			// Links made anew may free a merged-away row's delete.
			moved, err := linkRows(tx)
			if err != nil {
				return done, err
			}
			if !moved {
				break
			}
		}
		changes = wait
	}
	if _, err := linkRows(tx); err != nil {
		return done, err
	}
	if err := s.settleNames(tx); err != nil {
		return done, err
	}
	for _, c := range changes {
		data, err := json.Marshal(c)
		if err != nil {
			return done, err
		}
		if err := tx.Exec("INSERT INTO sync_pending (change) VALUES (?)", string(data)).Error; err != nil {
			return done, err
		}
	}
	return done, nil
}

// applyChange applies one change inside a savepoint, so one that can't
// land yet (a foreign key not here) leaves nothing behind.
func (s *Store) applyChange(tx *gorm.DB, c change) (applyResult, error) {
	t, ok := syncedTableNamed(c.Table)
	if !ok {
		return dropped, nil // a table this version doesn't sync
	}
	_, keyVals, err := canonicalKey(c.Key)
	if err != nil {
		return dropped, nil
	}
	if _, ok := linkTableNamed(t.name); ok {
		return mergeLinkChange(tx, c)
	}
	if err := tx.Exec("SAVEPOINT sync_change").Error; err != nil {
		return dropped, err
	}
	r, err := mergeWithBody(tx, t, c, keyVals, s.mergeUnique)
	if err != nil || r == waiting {
		if rb := tx.Exec("ROLLBACK TO sync_change").Error; rb != nil {
			return dropped, rb
		}
		if err != nil && !isConstraint(err) {
			tx.Exec("RELEASE sync_change")
			return dropped, err
		}
		r = waiting
	}
	return r, tx.Exec("RELEASE sync_change").Error
}

func isConstraint(err error) bool {
	return strings.Contains(err.Error(), "constraint") || strings.Contains(err.Error(), "FOREIGN KEY")
}

func mergeChange(tx *gorm.DB, t syncedTable, c change, keyVals []any) (applyResult, error) {
	ex, err := getClock(tx, c.Table, c.Key, "*")
	if err != nil {
		return dropped, err
	}
	var n int
	if err := tx.Raw("SELECT count(*) FROM "+t.name+" WHERE "+keyWhere(t), keyVals...).Scan(&n).Error; err != nil {
		return dropped, err
	}
	exists := n > 0
	switch c.Op {
	case "insert":
		if ex.found && !c.stamp().after(ex.stamp) {
			return dropped, nil
		}
		if !exists {
			if err := insertRow(tx, t, c, keyVals); err != nil {
				return dropped, err
			}
			return applied, recordInsert(tx, c)
		}
		if err := updateColumns(tx, t, c, keyVals, rowClock{}); err != nil {
			return dropped, err
		}
		return applied, setClock(tx, c.Table, c.Key, "*", c.stamp(), false)
	case "update":
		if ex.found && ex.deleted {
			return dropped, nil
		}
		if !exists {
			return waiting, nil
		}
		return applied, updateColumns(tx, t, c, keyVals, ex)
	case "delete":
		if ex.found && ex.after(c.stamp()) {
			return dropped, nil
		}
		if exists {
			if err := tx.Exec("DELETE FROM "+t.name+" WHERE "+keyWhere(t), keyVals...).Error; err != nil {
				return dropped, err
			}
		}
		return applied, recordDelete(tx, c)
	}
	return dropped, nil
}

// updateColumns writes each column the change holds that is newer than
// that column's last write (or, with none, the row's insert: base).
func updateColumns(tx *gorm.DB, t syncedTable, c change, keyVals []any, base rowClock) error {
	cols := make([]string, 0, len(c.Cols))
	for col := range c.Cols {
		if !slices.Contains(t.key, col) {
			cols = append(cols, col)
		}
	}
	sort.Strings(cols)
	for _, col := range cols {
		cc, err := getClock(tx, c.Table, c.Key, col)
		if err != nil {
			return err
		}
		if !cc.found {
			cc = base
		}
		if cc.found && !c.stamp().after(cc.stamp) {
			continue
		}
		args := append([]any{c.Cols[col].value()}, keyVals...)
		if err := tx.Exec("UPDATE "+t.name+" SET "+col+" = ? WHERE "+keyWhere(t), args...).Error; err != nil {
			return err
		}
		if err := setClock(tx, c.Table, c.Key, col, c.stamp(), false); err != nil {
			return err
		}
	}
	return nil
}

func insertRow(tx *gorm.DB, t syncedTable, c change, keyVals []any) error {
	var cols, marks []string
	var args []any
	for col, v := range c.Cols {
		if slices.Contains(t.key, col) {
			continue
		}
		cols, marks, args = append(cols, col), append(marks, "?"), append(args, v.value())
	}
	for i, k := range t.key {
		cols, marks, args = append(cols, k), append(marks, "?"), append(args, keyVals[i])
	}
	return tx.Exec(insertSQL(t.name, cols, marks), args...).Error
}
