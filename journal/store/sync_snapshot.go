package store

import (
	"encoding/json"
	"strings"

	"gorm.io/gorm"
)

// syncSnapshot is every synced row as stored, with the clocks and pending
// changes that merging needs: a new device starts from it.
type syncSnapshot struct {
	Tables  map[string][]map[string]syncValue `json:"tables"`
	Clocks  [][]any                           `json:"clocks"`
	Pending []string                          `json:"pending"`
	HLC     uint64                            `json:"hlc"`
	Bodies  syncBodies                        `json:"bodies"`
}

func takeSyncSnapshot(tx *gorm.DB, hlc uint64) ([]byte, error) {
	snap := syncSnapshot{Tables: map[string][]map[string]syncValue{}, HLC: hlc}
	for _, t := range syncedTables {
		cols, err := tableColumns(tx, t.name)
		if err != nil {
			return nil, err
		}
		rows, err := tx.Raw("SELECT " + strings.Join(cols, ", ") + " FROM " + t.name).Rows()
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			row := make(map[string]syncValue, len(cols))
			for i, c := range cols {
				row[c] = toSyncValue(vals[i])
			}
			snap.Tables[t.name] = append(snap.Tables[t.name], row)
		}
		rows.Close()
	}
	var clocks []struct {
		Tbl, Key, Col, Device string
		HLC                   uint64
		Deleted               bool
	}
	if err := tx.Raw("SELECT tbl, key, col, hlc, device, deleted FROM sync_clock").Scan(&clocks).Error; err != nil {
		return nil, err
	}
	for _, c := range clocks {
		snap.Clocks = append(snap.Clocks, []any{c.Tbl, c.Key, c.Col, c.HLC, c.Device, c.Deleted})
	}
	if err := tx.Raw("SELECT change FROM sync_pending ORDER BY id").Scan(&snap.Pending).Error; err != nil {
		return nil, err
	}
	bodies, err := takeSyncBodies(tx)
	if err != nil {
		return nil, err
	}
	snap.Bodies = bodies
	return json.Marshal(snap)
}

// loadSyncSnapshot replaces every synced row with the snapshot's.
func loadSyncSnapshot(tx *gorm.DB, payload []byte) (uint64, error) {
	var snap syncSnapshot
	dec := json.NewDecoder(strings.NewReader(string(payload)))
	dec.UseNumber()
	if err := dec.Decode(&snap); err != nil {
		return 0, err
	}
	if err := tx.Exec("PRAGMA defer_foreign_keys = ON").Error; err != nil {
		return 0, err
	}
	for i := len(syncedTables) - 1; i >= 0; i-- {
		if err := tx.Exec("DELETE FROM " + syncedTables[i].name).Error; err != nil {
			return 0, err
		}
	}
	for _, t := range syncedTables {
		for _, row := range snap.Tables[t.name] {
			var cols, marks []string
			var args []any
			for c, v := range row {
				cols, marks, args = append(cols, c), append(marks, "?"), append(args, v.value())
			}
			if err := tx.Exec(insertSQL(t.name, cols, marks), args...).Error; err != nil {
				return 0, err
			}
		}
	}
	for _, c := range snap.Clocks {
		hlc, _ := c[3].(json.Number).Int64()
		if err := tx.Exec("INSERT INTO sync_clock (tbl, key, col, hlc, device, deleted) VALUES (?, ?, ?, ?, ?, ?)",
			c[0], c[1], c[2], hlc, c[4], c[5]).Error; err != nil {
			return 0, err
		}
	}
	if err := loadSyncBodies(tx, snap.Bodies); err != nil {
		return 0, err
	}
	for _, p := range snap.Pending {
		if err := tx.Exec("INSERT INTO sync_pending (change) VALUES (?)", p).Error; err != nil {
			return 0, err
		}
	}
	return snap.HLC, nil
}
