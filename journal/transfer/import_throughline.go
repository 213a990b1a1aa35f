package transfer

import "path/filepath"

// importThroughline restores a Throughline export that Read has already
// decoded and checked.
func importThroughline(store ImportTarget, b *Batch) (Summary, error) {
	if err := store.Restore(*b.snapshot); err != nil {
		return Summary{}, named(err, filepath.Base(b.path))
	}
	return Summary{Format: FormatThroughline, Added: len(b.snapshot.Entries), Notes: []string{restoredNote(b.snapshot)}}, nil
}
