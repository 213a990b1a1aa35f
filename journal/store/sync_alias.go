package store

import "gorm.io/gorm"

// writeAlias records that from was merged into into, and points earlier
// aliases of from at into, so chains of merges end at a row that exists.
func writeAlias(tx *gorm.DB, table string, from, into int64) error {
	if err := tx.Exec("UPDATE sync_aliases SET to_id = ? WHERE tbl = ? AND to_id = ?", into, table, from).Error; err != nil {
		return err
	}
	return tx.Exec("INSERT INTO sync_aliases (tbl, from_id, to_id) VALUES (?, ?, ?) ON CONFLICT (tbl, from_id) DO UPDATE SET to_id = excluded.to_id",
		table, from, into).Error
}
