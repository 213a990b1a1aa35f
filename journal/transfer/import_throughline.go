package transfer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"github.com/throughline/throughline/journal"
)

// importThroughline imports a Throughline export with ImportThroughline,
// which checks the whole file before writing anything.
func importThroughline(store *journal.Store, b *Batch) (Summary, error) {
	var r io.Reader = bytes.NewReader(b.raw)
	if b.raw == nil {
		f, err := os.Open(b.path)
		if err != nil {
			return Summary{}, journal.Errorf(journal.EInvalid, "Couldn't read %s: %v. Nothing was imported.", b.path, unwrapPath(err))
		}
		defer f.Close()
		r = f
	}
	sum, err := ImportThroughline(store, r)
	return sum, named(err, filepath.Base(b.path))
}
