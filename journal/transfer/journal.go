package transfer

import "github.com/throughline/throughline/journal"

// ImportTarget is what an import needs of the journal's store: the
// callers hand in a *store.Store, so this package links no database.
type ImportTarget interface {
	ImportEntries(entries []journal.Entry) (added []journal.Entry, skipped []journal.Skipped, err error)
	Restore(snap journal.Snapshot) error
}

// ExportSource is what a lossless export needs of the journal's store.
type ExportSource interface {
	StreamSnapshot(head func(snap *journal.Snapshot, entries int) error, each func(e *journal.SnapshotEntry) error) error
}
