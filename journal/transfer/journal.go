package transfer

import "github.com/throughline/throughline/journal"

// ImportTarget is what an import needs of the journal's store: the
// callers hand in a *store.Store, so this package links no database.
type ImportTarget interface {
	// ImportEach adds, in one transaction, the entries each hands to add;
	// span holds them all (see journal.TextSpan).
	ImportEach(span journal.TextSpan, each func(add func(journal.Entry) error) error) (added int, skipped []journal.Skipped, err error)
	Restore(snap journal.Snapshot) error
	// Emotions and Patterns are the vocabulary that imported tags are
	// sorted into.
	Emotions() ([]journal.Emotion, error)
	Patterns() ([]journal.Pattern, error)
}

// ExportSource is what a lossless export needs of the journal's store.
type ExportSource interface {
	StreamSnapshot(head func(snap *journal.Snapshot, entries int) error, each func(e *journal.SnapshotEntry) error) error
}
