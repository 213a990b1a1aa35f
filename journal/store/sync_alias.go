package store

import (
	"strings"

	"gorm.io/gorm"
)

// aliasLinks are the link tables naming each mergeable table's rows.
var aliasLinks = map[string][]string{
	"patterns": {"entry_patterns", "episode_patterns"},
	"emotions": {"entry_emotions", "episode_emotions", "mood_checkin_emotions"},
}

// writeAlias records that from was merged into into, and points earlier
// aliases of from at into, so chains of merges end at a row that exists.
func writeAlias(tx *gorm.DB, table string, from, into int64) error {
	if err := tx.Exec("UPDATE sync_aliases SET to_id = ? WHERE tbl = ? AND to_id = ?", into, table, from).Error; err != nil {
		return err
	}
	return tx.Exec("INSERT INTO sync_aliases (tbl, from_id, to_id) VALUES (?, ?, ?) ON CONFLICT (tbl, from_id) DO UPDATE SET to_id = excluded.to_id",
		table, from, into).Error
}

// applyAlias moves this journal's links from a merged-away row to its
// alias, as the merge did where it was made: links made here meanwhile
// then follow, and the merged row's delete can land.
func applyAlias(tx *gorm.DB, table string, from, into int64) error {
	into = finalAlias(tx, table, into)
	col := strings.TrimSuffix(table, "s") + "_id"
	for _, link := range aliasLinks[table] {
		owner := ""
		if t, ok := syncedTableNamed(link); ok {
			owner = t.key[0]
		}
		if err := tx.Exec("INSERT OR IGNORE INTO "+link+" ("+owner+", "+col+") SELECT "+owner+", ? FROM "+link+" WHERE "+col+" = ?", into, from).Error; err != nil {
			return err
		}
		if err := tx.Exec("DELETE FROM "+link+" WHERE "+col+" = ?", from).Error; err != nil {
			return err
		}
	}
	return nil
}

// finalAlias follows merges of merges (made on different computers, so
// each alias names a row merged away in turn) to the row they end at.
func finalAlias(tx *gorm.DB, table string, id int64) int64 {
	seen := map[int64]bool{}
	for !seen[id] {
		seen[id] = true
		var to []int64
		tx.Raw("SELECT to_id FROM sync_aliases WHERE tbl = ? AND from_id = ?", table, id).Scan(&to)
		if len(to) == 0 {
			break
		}
		id = to[0]
	}
	return id
}
