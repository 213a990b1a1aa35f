package store

import (
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// nowMS is SQLite's clock in unix milliseconds: the edit's time, so
// last-writer-wins means the later edit, not the later sync.
const nowMS = "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

// tableColumns reads a table's columns from the schema, so triggers and
// snapshots follow migrations without a list to keep up to date.
func tableColumns(tx *gorm.DB, table string) ([]string, error) {
	var cols []struct{ Name string }
	if err := tx.Raw("SELECT name FROM pragma_table_info(?) ORDER BY cid", table).Scan(&cols).Error; err != nil {
		return nil, err
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.Name
	}
	return names, nil
}

// installSyncTriggers (re)makes the capture triggers of every synced
// table: after migrations, a table may have new columns.
func installSyncTriggers(tx *gorm.DB) error {
	for _, t := range syncedTables {
		cols, err := tableColumns(tx, t.name)
		if err != nil {
			return err
		}
		for _, stmt := range syncTriggerSQL(t, cols) {
			if err := tx.Exec(stmt).Error; err != nil {
				return fmt.Errorf("sync trigger on %s: %w", t.name, err)
			}
		}
	}
	return nil
}

func syncTriggerSQL(t syncedTable, cols []string) []string {
	keyOf := func(row string) string {
		parts := make([]string, len(t.key))
		for i, k := range t.key {
			parts[i] = row + "." + k
		}
		return "json_array(" + strings.Join(parts, ", ") + ")"
	}
	var changed, keyChanged []string
	for _, c := range cols {
		changed = append(changed, fmt.Sprintf("SELECT '%s' AS c WHERE NEW.%s IS NOT OLD.%s", c, c, c))
	}
	for _, k := range t.key {
		keyChanged = append(keyChanged, fmt.Sprintf("NEW.%s IS NOT OLD.%s", k, k))
	}
	moved := strings.Join(keyChanged, " OR ")
	out := func(op, row, colsSQL string) string {
		return fmt.Sprintf("INSERT INTO sync_outbox (tbl, key, op, cols, at_ms) VALUES ('%s', %s, '%s', %s, %s);",
			t.name, keyOf(row), op, colsSQL, nowMS)
	}
	name := "sync_" + t.name
	return []string{
		"DROP TRIGGER IF EXISTS " + name + "_insert",
		"DROP TRIGGER IF EXISTS " + name + "_update",
		"DROP TRIGGER IF EXISTS " + name + "_move",
		"DROP TRIGGER IF EXISTS " + name + "_delete",
		fmt.Sprintf("CREATE TRIGGER %s_insert AFTER INSERT ON %s BEGIN %s END", name, t.name, out("insert", "NEW", "NULL")),
		fmt.Sprintf("CREATE TRIGGER %s_delete AFTER DELETE ON %s BEGIN %s END", name, t.name, out("delete", "OLD", "NULL")),
		fmt.Sprintf("CREATE TRIGGER %s_update AFTER UPDATE ON %s WHEN NOT (%s) BEGIN %s END", name, t.name, moved,
			out("update", "NEW", "(SELECT json_group_array(c) FROM ("+strings.Join(changed, " UNION ALL ")+"))")),
		// A changed key is another row: the old one goes, the new one comes.
		fmt.Sprintf("CREATE TRIGGER %s_move AFTER UPDATE ON %s WHEN %s BEGIN %s %s END", name, t.name, moved,
			out("delete", "OLD", "NULL"), out("insert", "NEW", "NULL")),
	}
}

// dropSyncTriggers removes capture, for a journal whose sync is off.
func dropSyncTriggers(tx *gorm.DB) error {
	for _, t := range syncedTables {
		for _, stmt := range syncTriggerSQL(t, nil)[:4] {
			if err := tx.Exec(stmt).Error; err != nil {
				return err
			}
		}
	}
	return nil
}
