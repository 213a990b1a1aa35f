package store

import (
	"gorm.io/gorm"
)

// An import finds each new row's place in every index of the tables it
// writes, a row at a time. With the indexes that only speed up reading
// dropped while it writes, and made again after, SQLite sorts each index
// once instead: at 100,000 imported entries the import took 1.2-1.5 s
// less, making the indexes again 0.4 s of what is left. Making an index
// reads every row of its table, so an import does this only once it has
// written at least as many entries as the journal held before it (see
// beforeWriting). Unique indexes stay, since they check what is
// written; so does everything in one transaction, so an import that
// fails leaves every index as it was.

// importTables are the tables an import writes rows to for every entry.
var importTables = []string{"entries", "entry_emotions", "entry_patterns"}

// readIndexesAfter is how many entries an import writes, at least,
// before it drops the read indexes, when the journal held fewer.
const readIndexesAfter = settleAfter

// readIndexes is when an import drops the read indexes, and what makes
// them again.
type readIndexes struct {
	had    int      // entries the journal held before the import; -1 until counted
	remake []string // the statements that make them again, once dropped
}

func newReadIndexes() *readIndexes { return &readIndexes{had: -1} }

// beforeWriting drops the read indexes when the import, having written
// written entries and about to write more, will have written at least
// as many as the journal held and at least readIndexesAfter. The
// journal's entries are counted only then, so a small import reads
// nothing more of the journal.
func (r *readIndexes) beforeWriting(tx *gorm.DB, written, more int) error {
	if r.remake != nil || written+more < readIndexesAfter {
		return nil
	}
	if r.had < 0 {
		if err := tx.Raw("SELECT count(*) - ? FROM entries", written).Scan(&r.had).Error; err != nil {
			return err
		}
	}
	if written+more < r.had {
		return nil
	}
	remake, err := dropReadIndexes(tx)
	r.remake = remake
	return err
}

// dropReadIndexes drops the indexes of importTables that aren't unique,
// and returns the statements that make them again, as the schema holds
// them, so no definition is written twice.
func dropReadIndexes(tx *gorm.DB) ([]string, error) {
	var indexes []struct{ Name, SQL string }
	err := tx.Raw(`SELECT s.name, s.sql FROM sqlite_schema s JOIN pragma_index_list(s.tbl_name) l ON l.name = s.name
		WHERE s.type = 'index' AND s.tbl_name IN ? AND s.sql IS NOT NULL AND NOT l."unique" ORDER BY s.name`, importTables).
		Scan(&indexes).Error
	if err != nil {
		return nil, err
	}
	remake := make([]string, 0, len(indexes))
	for _, ix := range indexes {
		if err := tx.Exec(`DROP INDEX "` + ix.Name + `"`).Error; err != nil {
			return nil, err
		}
		remake = append(remake, ix.SQL)
	}
	return remake, nil
}

// afterWriting makes the dropped indexes again, if any were.
func (r *readIndexes) afterWriting(tx *gorm.DB) error {
	for _, sql := range r.remake {
		if err := tx.Exec(sql).Error; err != nil {
			return err
		}
	}
	return nil
}
