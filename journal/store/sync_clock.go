package store

import "gorm.io/gorm"

// rowClock is a clock kept in sync_clock: a column's last write, or for
// col '*' the row's last insert or delete.
type rowClock struct {
	stamp
	deleted, found bool
}

func getClock(tx *gorm.DB, tbl, key, col string) (rowClock, error) {
	var rows []struct {
		HLC     uint64
		Device  string
		Deleted bool
	}
	err := tx.Raw("SELECT hlc, device, deleted FROM sync_clock WHERE tbl = ? AND key = ? AND col = ?", tbl, key, col).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return rowClock{}, err
	}
	return rowClock{stamp{rows[0].HLC, rows[0].Device}, rows[0].Deleted, true}, nil
}

func setClock(tx *gorm.DB, tbl, key, col string, at stamp, deleted bool) error {
	return tx.Exec(`INSERT INTO sync_clock (tbl, key, col, hlc, device, deleted) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (tbl, key, col) DO UPDATE SET hlc = excluded.hlc, device = excluded.device, deleted = excluded.deleted`,
		tbl, key, col, at.HLC, at.Device, deleted).Error
}

// forgetColumnClocks drops a row's column clocks when it is made anew or
// deleted: its columns then take the row's clock.
func forgetColumnClocks(tx *gorm.DB, tbl, key string) error {
	return tx.Exec("DELETE FROM sync_clock WHERE tbl = ? AND key = ? AND col != '*'", tbl, key).Error
}
