package store

import (
	"encoding/json"

	"gorm.io/gorm"
)

// captureOutbox turns what the triggers noted since the last round into
// changes stamped with this device's clock, records their clocks locally so
// older changes from others don't overwrite them, and empties the outbox.
func captureOutbox(tx *gorm.DB, clock *hlcClock, device string) ([]change, error) {
	var notes []struct {
		Tbl, Key, Op string
		Cols         *string
		AtMS         int64
	}
	if err := tx.Raw("SELECT tbl, key, op, cols, at_ms FROM sync_outbox ORDER BY seq").Scan(&notes).Error; err != nil {
		return nil, err
	}
	var out []change
	for _, n := range notes {
		t, ok := syncedTableNamed(n.Tbl)
		if !ok {
			continue
		}
		key, keyVals, err := canonicalKey(n.Key)
		if err != nil {
			return nil, err
		}
		c := change{HLC: clock.next(n.AtMS), Device: device, Table: n.Tbl, Key: key, Op: n.Op}
		switch n.Op {
		case "insert", "update":
			var cols []string
			if n.Op == "insert" || n.Cols == nil {
				if cols, err = tableColumns(tx, t.name); err != nil {
					return nil, err
				}
			} else if err := json.Unmarshal([]byte(*n.Cols), &cols); err != nil {
				return nil, err
			}
			if len(cols) == 0 {
				continue
			}
			vals, found, err := readRow(tx, t, keyVals, cols)
			if err != nil {
				return nil, err
			}
			if !found {
				continue // deleted since; its delete follows
			}
			c.Cols = vals
			if n.Op == "insert" {
				err = recordInsert(tx, c)
			} else {
				for col := range vals {
					if err = setClock(tx, c.Table, c.Key, col, c.stamp(), false); err != nil {
						break
					}
				}
			}
			if err != nil {
				return nil, err
			}
			if c.Base, err = noteLocalBody(tx, c, keyVals); err != nil {
				return nil, err
			}
		case "delete":
			if err := recordDelete(tx, c); err != nil {
				return nil, err
			}
			if l, ok := linkTableNamed(c.Table); ok {
				more, err := removePreimages(tx, l, c, clock, n.AtMS)
				if err != nil {
					return nil, err
				}
				out = append(out, more...)
			}
		}
		out = append(out, c)
	}
	return out, tx.Exec("DELETE FROM sync_outbox").Error
}

func recordInsert(tx *gorm.DB, c change) error {
	if err := forgetColumnClocks(tx, c.Table, c.Key); err != nil {
		return err
	}
	return setClock(tx, c.Table, c.Key, "*", c.stamp(), false)
}

func recordDelete(tx *gorm.DB, c change) error {
	if err := forgetColumnClocks(tx, c.Table, c.Key); err != nil {
		return err
	}
	return setClock(tx, c.Table, c.Key, "*", c.stamp(), true)
}

// removePreimages removes, with a link, the registers that added it
// through an alias, so removing a link here removes it everywhere.
func removePreimages(tx *gorm.DB, l linkTable, c change, clock *hlcClock, atMS int64) ([]change, error) {
	k, err := parseLinkKey(c.Key)
	if err != nil {
		return nil, err
	}
	keys, err := linkPreimages(tx, l, k)
	if err != nil {
		return nil, err
	}
	var out []change
	for _, key := range keys {
		d := change{HLC: clock.next(atMS), Device: c.Device, Table: c.Table, Key: key, Op: "delete"}
		if err := recordDelete(tx, d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}
